-- 0041-commission-admin-list.sql: the commission page's list of administrations
-- (WEB_FOLLOW_ADMINS) read from an index in the document's order. A commission_admin row
-- carries the administration's statement (2 KB on average in the commission's document, up to
-- 8 KB), and the stance column comes after it, so reading the stance from the table read the
-- statement's overflow pages, 31 times per request; and the rows were sorted by ord each time.
-- The index holds what the page lists, in that order.
CREATE INDEX commission_admin_list ON commission_admin(ord, org_id, grp, no_response, marker, stance);
