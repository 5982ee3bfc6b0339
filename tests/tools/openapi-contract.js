#!/usr/bin/env node
// openapi-contract.js: checks lup's OpenAPI document and the server's real answers against it.
// Usage: node openapi-contract.js OPENAPI.json BASE-URL TOKEN PLAN.json
//   1. structure: OpenAPI 3.1, unique meaningful operationIds (an action is named for what it
//      does: submitReport, not postReportSubmit), path templates and their
//      parameters agree, every $ref resolves, every schema compiles (JSON Schema 2020-12, ajv);
//   2. the plan's writes: each request body is valid against the operation's requestBody
//      schema (or, for an error case marked "bodyInvalid", refused by it), is sent (with the
//      write's "headers"), and the answer is valid against the response of its status; then
//      each write operation once more with an unknown query parameter (400); every write
//      operation of the document must be sent and answer a success;
//   3. every GET operation of the document is called (path values from the plan, or the first
//      item of the collection above it) and its JSON answer is validated; then once more with a
//      query parameter it does not take, which must answer 400 naming it (the Error schema).
// Prints TAP lines ("ok - ..." / "not ok - ..."); exits 1 when one failed.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv2020 = require(path.join(__dirname, '../../node_modules/ajv/dist/2020'));

const [docFile, base, token, planFile] = process.argv.slice(2);
const doc = JSON.parse(fs.readFileSync(docFile, 'utf8'));
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'));
const DOC_ID = 'https://lup.invalid/openapi.json';
let failed = 0;
const ok = (m) => console.log(`ok - ${m}`);
const nok = (m, why) => { failed = 1; console.log(`not ok - ${m}`); if (why) console.error(`# ${why}`.slice(0, 4000)); };

// --- 1. structure ---------------------------------------------------------------------------
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
function structure() {
	const probs = [];
	if (!/^3\.1\.\d+$/.test(doc.openapi || '')) probs.push(`openapi is ${doc.openapi}, not 3.1.x`);
	if (!doc.info || !doc.info.title || !doc.info.version) probs.push('info.title and info.version are required');
	if (!doc.paths || typeof doc.paths !== 'object') probs.push('paths is missing');
	const ids = new Map();
	for (const [p, item] of Object.entries(doc.paths || {})) {
		if (!p.startsWith('/')) probs.push(`${p}: a path starts with /`);
		const tmpl = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
		for (const [m, op] of Object.entries(item)) {
			if (!methods.includes(m)) { probs.push(`${p}: unknown member ${m}`); continue; }
			const where = `${m.toUpperCase()} ${p}`;
			const id = op.operationId;
			if (!id || !/^[a-z][A-Za-z0-9]*$/.test(id) || /^(get|post|put|patch|delete)\d+$/.test(id))
				probs.push(`${where}: operationId '${id}' is not a meaningful name`);
			else if (/^post[A-Z]/.test(id))	// a POST that neither creates nor is named for its action
				probs.push(`${where}: operationId '${id}' says post, not what the action does`);
			else if (ids.has(id)) probs.push(`${where}: operationId ${id} also names ${ids.get(id)}`);
			else ids.set(id, where);
			const params = op.parameters || [];
			const inPath = params.filter((q) => q.in === 'path').map((q) => q.name).sort();
			if (JSON.stringify(inPath) !== JSON.stringify(tmpl))
				probs.push(`${where}: path parameters ${inPath} do not match the template's ${tmpl}`);
			const seen = new Set();
			for (const q of params) {
				if (!['path', 'query', 'header', 'cookie'].includes(q.in)) probs.push(`${where}: ${q.name} in ${q.in}`);
				if (q.in === 'path' && q.required !== true) probs.push(`${where}: path parameter ${q.name} must be required`);
				if (!q.schema) probs.push(`${where}: parameter ${q.name} has no schema`);
				if (seen.has(q.in + q.name)) probs.push(`${where}: parameter ${q.name} twice`);
				seen.add(q.in + q.name);
			}
			if (!op.responses || !Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)))
				probs.push(`${where}: no success response`);
			for (const [s, r] of Object.entries(op.responses || {})) {
				if (!/^[1-5]\d\d$/.test(s)) probs.push(`${where}: response key ${s}`);
				if (!r.description) probs.push(`${where} ${s}: a response needs a description`);
			}
			if (op.requestBody && !op.requestBody.content) probs.push(`${where}: requestBody without content`);
		}
	}
	// every $ref resolves
	const walk = (v, at) => {
		if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${at}/${i}`));
		if (v && typeof v === 'object') {
			if (typeof v.$ref === 'string') {
				const parts = v.$ref.replace(/^#\//, '').split('/');
				let t = doc;
				for (const k of parts) t = t && t[k];
				if (!v.$ref.startsWith('#/') || t === undefined) probs.push(`${at}: $ref ${v.$ref} does not resolve`);
			}
			for (const [k, x] of Object.entries(v)) walk(x, `${at}/${k}`);
		}
	};
	walk(doc, '#');
	return probs;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('binary', () => true);
function rebase(v) {
	if (Array.isArray(v)) return v.map(rebase);
	if (v && typeof v === 'object') {
		const o = {};
		for (const [k, x] of Object.entries(v)) o[k] = k === '$ref' && typeof x === 'string' && x.startsWith('#/') ? DOC_ID + x : rebase(x);
		return o;
	}
	return v;
}
const validators = new Map();
function validator(schema) {
	const key = JSON.stringify(schema);
	if (!validators.has(key)) validators.set(key, ajv.compile(rebase(schema)));
	return validators.get(key);
}

const probs = structure();
if (probs.length) nok('the document is a well-formed OpenAPI 3.1 description', probs.join('\n# '));
else ok('the document is a well-formed OpenAPI 3.1 description');
try {
	ajv.addSchema({ $id: DOC_ID, components: doc.components });
	for (const [name, s] of Object.entries(doc.components.schemas)) validator(s);
	for (const item of Object.values(doc.paths))
		for (const op of Object.values(item)) {
			for (const r of Object.values(op.responses || {}))
				for (const c of Object.values(r.content || {})) if (c.schema) validator(c.schema);
			for (const c of Object.values((op.requestBody || {}).content || {})) if (c.schema) validator(c.schema);
		}
	ok('every schema compiles as JSON Schema 2020-12');
} catch (e) {
	nok('every schema compiles as JSON Schema 2020-12', e.message);
}

// --- 2. and 3. real answers -------------------------------------------------------------------
function errs(v) { return (v.errors || []).slice(0, 6).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('; '); }

async function call(method, url, body, tok, extra) {
	const headers = Object.assign({}, extra || {});
	if (tok) headers.Authorization = `Bearer ${tok}`;
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const res = await fetch(base + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await res.text();
	return { status: res.status, ctype: res.headers.get('content-type') || '', text, headers: res.headers };
}

function checkAnswer(label, op, res) {
	const r = op.responses[String(res.status)];
	if (!r) return nok(label, `status ${res.status} is not documented: ${res.text.slice(0, 300)}`);
	if (res.status === 204) return res.text === '' ? ok(label) : nok(label, '204 with a body');
	const type = res.ctype.split(';')[0].trim();
	const c = (r.content || {})[type];
	if (!c) return nok(label, `media type ${type} of ${res.status} is not documented`);
	if (type !== 'application/json') return ok(label);
	let body;
	try { body = JSON.parse(res.text); } catch (e) { return nok(label, `not JSON: ${e.message}`); }
	let v;
	try { v = validator(c.schema); } catch (e) { nok(label, e.message); return body; }
	if (v(body)) ok(label); else nok(label, `${res.status}: ${errs(v)}`);
	return body;
}

const opOf = (tmpl, m) => (doc.paths[tmpl] || {})[m.toLowerCase()];

// ${name} in a write's url or body: a value an earlier write saved (its "save": {name: field})
const vars = {};
function subst(v) {
	if (typeof v === 'string') {
		const whole = v.match(/^\$\{(\w+)\}$/);
		if (whole && vars[whole[1]] !== undefined) return vars[whole[1]];
		return v.replace(/\$\{(\w+)\}/g, (m, n) => (vars[n] === undefined ? m : String(vars[n])));
	}
	if (Array.isArray(v)) return v.map(subst);
	if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, subst(x)]));
	return v;
}

// pick: the value at path f of v: "a.b" a member's member, "a[].b" each member's b (an array),
// "$" the whole value
function pick(v, f) {
	if (f === '$') return v;
	const m = f.match(/^([^[]*)\[\]\.?(.*)$/);
	if (m) {
		const arr = m[1] ? pick(v, m[1]) : v;
		return Array.isArray(arr) ? arr.map((x) => (m[2] ? pick(x, m[2]) : x)) : undefined;
	}
	return f.split('.').reduce((o, k) => (o == null ? o : o[k]), v);
}

// answered[METHOD path] = the statuses whose answers were validated for a write operation
const answered = {};
const firstUrl = {};

async function writes() {
	for (const w0 of plan.writes || []) {
		const w = Object.assign({}, w0, { url: subst(w0.url), body: subst(w0.body), headers: subst(w0.headers) });
		const op = opOf(w.path, w.method);
		const label = `${w.method} ${w.url}${w.note ? ` (${w.note})` : ''}`;
		if (!op) { nok(label, `the document has no ${w.method} ${w.path}`); continue; }
		if (w.body !== undefined) {
			const c = op.requestBody && op.requestBody.content['application/json'];
			if (!c) { nok(`${label}: request body documented`); continue; }
			let v;
			try { v = validator(c.schema); } catch (e) { nok(`${label}: the request body is valid`, e.message); continue; }
			if (w.bodyInvalid) {	// an error case whose body the document itself refuses
				if (v(w.body)) nok(`${label}: the document refuses the request body`, JSON.stringify(w.body));
				else ok(`${label}: the document refuses the request body`);
			} else if (v(w.body)) ok(`${label}: the request body is valid`);
			else nok(`${label}: the request body is valid`, errs(v));
		}
		const res = await call(w.method, w.url, w.body, w.token === undefined ? token : w.token, w.headers);
		// the status the write expects; without one a success (a write that failed must say so)
		if (w.status ? res.status !== w.status : !/^2\d\d$/.test(String(res.status))) {
			nok(`${label}: answers ${w.status || 'a success'}`, `${res.status} ${res.text.slice(0, 400)}`);
			continue;
		}
		if (process.env.CONTRACT_DUMP) fs.writeFileSync(path.join(process.env.CONTRACT_DUMP, `w-${w.method}-${w.path.replace(/[/{}.]/g, '_')}.json`), res.text);
		const body = checkAnswer(`${label}: the answer is valid`, op, res);
		const key = `${w.method} ${w.path}`;
		(answered[key] = answered[key] || new Set()).add(res.status);
		if (firstUrl[key] === undefined) firstUrl[key] = w;
		for (const [n, f] of Object.entries(w.save || {})) {
			vars[n] = pick(body, f);
			if (vars[n] === undefined) nok(`${label}: the answer has ${f}`);
		}
		for (const [n, h] of Object.entries(w.saveHeader || {})) {
			vars[n] = res.headers.get(h);
			if (vars[n] == null) nok(`${label}: the answer has the header ${h}`);
		}
	}
	Object.assign(plan.path = plan.path || {}, {});
	for (const [p, vals] of Object.entries(plan.paths || {})) plan.paths[p] = subst(vals);
	for (const [p, q] of Object.entries(plan.query || {})) plan.query[p] = subst(q);
}

async function reads() {
	const firstIds = {};
	const gets = [];
	for (const [p, item] of Object.entries(doc.paths)) if (item.get) gets.push(p);
	// collections without path parameters first: their first items give {id} below them
	gets.sort((a, b) => (a.includes('{') ? 1 : 0) - (b.includes('{') ? 1 : 0));
	for (const p of gets) {
		if ((plan.skip || []).includes(p)) { console.log(`ok - GET ${p} # skip ${plan.skipWhy || ''}`); continue; }
		const vals = Object.assign({}, plan.path || {}, (plan.paths || {})[p] || {});
		const parent = p.replace(/\/\{id\}$/, '');
		if (p.endsWith('/{id}') && !((plan.paths || {})[p] || {}).id && firstIds[parent] !== undefined) vals.id = firstIds[parent];
		const missing = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).filter((n) => vals[n] === undefined);
		if (missing.length) { nok(`GET ${p}`, `no value for ${missing}`); continue; }
		let url = p.replace(/\{([^}]+)\}/g, (_, n) => encodeURIComponent(vals[n]));
		const q = (plan.query || {})[p];
		if (q) url += `?${q}`;
		const res = await call('GET', url, undefined, token);
		if (!/^2/.test(String(res.status))) { nok(`GET ${url} answers`, `${res.status} ${res.text.slice(0, 300)}`); continue; }
		if (process.env.CONTRACT_DUMP) fs.writeFileSync(path.join(process.env.CONTRACT_DUMP, p.replace(/[/{}.]/g, '_') + '.json'), res.text);
		const body = checkAnswer(`GET ${url} matches the document`, doc.paths[p].get, res);
		if (body && Array.isArray(body.items) && body.items[0] && body.items[0].id !== undefined) firstIds[p] = body.items[0].id;
		// and with a parameter it does not take: 400 naming it, the document's Error body
		const purl = `${url}${url.includes('?') ? '&' : '?'}contract_probe=1`;
		const pres = await call('GET', purl, undefined, token);
		if (pres.status !== 400) nok(`GET ${purl}: 400`, `${pres.status} ${pres.text.slice(0, 300)}`);
		else {
			const pb = checkAnswer(`GET ${purl}: 400 naming the unknown parameter`, doc.paths[p].get, pres);
			if (pb && !((pb.error || {}).fields || []).some((f) => f.field === 'contract_probe')) nok(`GET ${purl}: the field is named`);
		}
	}
}

// probes: every write operation sent is sent once more, as it was first sent, with a query
// parameter it does not take (?contract_probe=1): it must answer 400 naming it, before the
// handler runs (nothing changes), with the document's Error body
async function probes() {
	for (const [key, w] of Object.entries(firstUrl)) {
		const [m, p] = key.split(' ');
		const url = `${w.url}${w.url.includes('?') ? '&' : '?'}contract_probe=1`;
		const res = await call(m, url, w.body, token, w.headers);
		const label = `${m} ${url}: 400 naming the unknown parameter`;
		if (res.status !== 400) { nok(label, `${res.status} ${res.text.slice(0, 300)}`); continue; }
		const body = checkAnswer(label, opOf(p, m), res);
		if (body && !((body.error || {}).fields || []).some((f) => f.field === 'contract_probe')) nok(`${label}: the field is named`);
		answered[key].add(400);
	}
}

// the write operations: each must be sent (a write left out fails the run), with a success
// and an error answer validated; the counts are printed so that the coverage is seen
function coverage() {
	const ops = [], unsentOps = [], noError = [], noSuccess = [];
	for (const [p, item] of Object.entries(doc.paths))
		for (const m of Object.keys(item)) if (m !== 'get') ops.push(`${m.toUpperCase()} ${p}`);
	for (const k of ops) {
		const st = [...(answered[k] || [])];
		if (!st.length) unsentOps.push(k);
		else {
			if (!st.some((s) => s < 300)) noSuccess.push(k);
			if (!st.some((s) => s >= 400 && s !== 400)) noError.push(k);
		}
	}
	console.log(`# write operations: ${ops.length}; sent: ${ops.length - unsentOps.length}; ` +
		`with a success answer: ${ops.length - unsentOps.length - noSuccess.length}; ` +
		`with an error answer other than the probe's 400: ${ops.length - unsentOps.length - noError.length}`);
	for (const l of noError) console.log(`#   only the probe's error: ${l}`);
	if (unsentOps.length) nok('every write operation is sent', `not sent: ${unsentOps.join(', ')}`);
	else ok('every write operation is sent');
	if (noSuccess.length) nok("every write operation answers a success", `none for: ${noSuccess.map((k) => `${k} (${[...answered[k]]})`).join(", ")}`);
	else ok('every write operation answers a success');
}

(async () => {
	try {
		await writes();
		await probes();
		await reads();
		coverage();
	} catch (e) {
		nok('the contract run', e.stack);
	}
	process.exit(failed);
})();
