/* chain-json.h: the goal chain view (view/chain.h) as the JSON of
 * GET /api/v1/organisations/{id}/goal-chain (docs/api.md), shared by the API and the CLI. */
#ifndef LUP_DOC_CHAIN_JSON_H
#define LUP_DOC_CHAIN_JSON_H

struct json;
struct view_chain;

/*
 * chain_json_write: writes c as one object: organisation_id, year, and goals, each with its
 * columns, its assessments and its indicators with the outcomes of c's year (the previous
 * year's full year that the view also holds is left out). Never fails (the writer keeps its
 * own state); c is not changed.
 */
void chain_json_write(const struct view_chain *c, struct json *j);

#endif
