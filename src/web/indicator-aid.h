/* indicator-aid.h: the target-setting aid (docs/indicators.md "The target-setting aid"): on the
 * indicator's target form (/indikator/{key}/redigera) and as GET
 * /api/v1/indicators/{id}/target-aid?year=Y[&value=V]. The data are view/trajectory.h's
 * aid_view_load. */
#ifndef LUP_WEB_INDICATOR_AID_H
#define LUP_WEB_INDICATOR_AID_H

#include <stdint.h>

#include "render/html.h"
#include "web/http.h"

/*
 * indicator_aid_section: writes the aid for indicator id and year into h: the recent years'
 * values, the trend, the city average, KF's target and the value the trajectory needs this year,
 * and, when proposed (a target as written: "4,6 %") is a number, which of them it lies above or
 * below. Returns 0, or -1 with the error page answered.
 */
int indicator_aid_section(struct http_req *r, struct html *h, int64_t id, long year, const char *proposed);

/* api_indicator_target_aid: GET /api/v1/indicators/{id}/target-aid?year=Y[&value=V] */
int api_indicator_target_aid(struct http_req *r);

#endif
