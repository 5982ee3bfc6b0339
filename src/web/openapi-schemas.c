/* openapi-schemas.c: the schemas of the API's request and answer bodies (openapi.h notation).
 * tests/t/t3510-api-contract.sh checks real answers against them. */
#include "web/openapi.h"

const struct oa_schema oa_schemas[] = {
	{ "Error", "error:ErrorBody" },
	{ "ErrorBody", "status:int code:str message:str ~fields:[FieldError]" },
	{ "FieldError", "field:str message:str" },
	{ NULL, NULL },
};
