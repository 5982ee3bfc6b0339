/* openapi.h: the schemas of the API's bodies (request and answer), as data, for the OpenAPI
 * document that GET /api/openapi.json writes from the route table (api-meta.c). */
#ifndef LUP_OPENAPI_H
#define LUP_OPENAPI_H

#include <stddef.h>

struct json;

/*
 * A schema is written in a short notation: "name:type name:type ..." lists an object's
 * properties, each required unless its name starts with '~'. A type is
 *	int | num | str | bool | date (YYYY-MM-DD) | obj (any object) | any
 *	str(a|b|c)	one of these strings
 *	Name		a $ref to components/schemas/Name
 *	[T]		an array of T
 *	T?		T or null
 * A schema whose text starts with '=' is that type rather than an object ("=[Plan]").
 * Objects allow properties they do not list unless the text starts with '!' (closed).
 */
struct oa_schema {
	const char *name;
	const char *def;
};

extern const struct oa_schema oa_schemas[];	/* terminated by a NULL name */

/* oa_schema_json: writes the schema of def (the notation above) as a JSON Schema value. */
void oa_schema_json(struct json *j, const char *def);

/* oa_type_json: writes the type of text t (n bytes) as a JSON Schema value. */
void oa_type_json(struct json *j, const char *t, size_t n);

#endif
