/* status.h: the statuses of an activity (activity.status, activity_update.status) and the roles
 * of its organisation (activity.role) as stored, and their Swedish words: one table each for the
 * API's validation, the forms' lists and the pages. */
#ifndef LUP_MODEL_STATUS_H
#define LUP_MODEL_STATUS_H

#define ACT_STATUS_N 5

/* The codes in their order (planned, ongoing, done, waiting, cancelled), NULL-terminated. */
extern const char *const act_status_codes[ACT_STATUS_N + 1];
/* Their Swedish labels for lists and headings ("Planerad", ...), in the same order. */
extern const char *const act_status_labels[ACT_STATUS_N + 1];

/* act_status_index: the position of code in act_status_codes, or -1 when it is none (or NULL). */
int act_status_index(const char *code);

/* act_status_label: the Swedish label of code ("Pågår"); code itself when unknown, "" for NULL. */
const char *act_status_label(const char *code);

/* act_status_word: the Swedish word for code in running text, lower case, singular or (plural
 * != 0) plural ("genomförd", "genomförda"); code itself when unknown, "" for NULL. */
const char *act_status_word(const char *code, int plural);

#define ACT_ROLE_N 14

/* The roles (process_lead, hub, ... owner), NULL-terminated, and their Swedish labels. */
extern const char *const act_role_codes[ACT_ROLE_N + 1];
extern const char *const act_role_labels[ACT_ROLE_N + 1];
/* The choices of a form's role list: "" (none given, labelled "Ingen angiven") and the roles. */
extern const char *const act_role_choices[ACT_ROLE_N + 2];
extern const char *const act_role_choice_labels[ACT_ROLE_N + 2];

/* act_role_index: the position of code in act_role_codes, or -1 when it is none (or NULL). */
int act_role_index(const char *code);

/* act_role_label: the Swedish label of role code ("Processledare"); code itself when unknown,
 * "" for NULL. */
const char *act_role_label(const char *code);

/* act_role_word: the Swedish word for role code in running text, lower case ("processledare");
 * code itself when unknown, "" for NULL. */
const char *act_role_word(const char *code);

#endif
