-- 0023-user-email.sql: a user's e-mail address, where `lup remind --mail` sends an
-- organisation's reminders (to its editors). Optional: a user without one gets no mail (the
-- command says so). Set with `lup user email NAME ADDRESS`.
ALTER TABLE app_user ADD COLUMN email text CHECK (email IS NULL OR (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'));
