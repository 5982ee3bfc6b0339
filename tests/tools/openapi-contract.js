#!/usr/bin/env node
// openapi-contract.js: checks lup's OpenAPI document and the server's real answers against it.
// Usage: node openapi-contract.js OPENAPI.json BASE-URL TOKEN PLAN.json
//   1. structure: OpenAPI 3.1, unique meaningful operationIds, path templates and their
//      parameters agree, every $ref resolves, every schema compiles (JSON Schema 2020-12, ajv);
//   2. the plan's writes: each request body is valid against the operation's requestBody
//      schema, is sent, and the answer is valid against the response of its status;
//   3. every GET operation of the document is called (path values from the plan, or the first
//      item of the collection above it) and its JSON answer is validated.
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

async function call(method, url, body, tok) {
	const headers = {};
	if (tok) headers.Authorization = `Bearer ${tok}`;
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const res = await fetch(base + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await res.text();
	return { status: res.status, ctype: res.headers.get('content-type') || '', text };
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

async function writes() {
	for (const w0 of plan.writes || []) {
		const w = Object.assign({}, w0, { url: subst(w0.url), body: subst(w0.body) });
		const op = opOf(w.path, w.method);
		const label = `${w.method} ${w.url}${w.note ? ` (${w.note})` : ''}`;
		if (!op) { nok(label, `the document has no ${w.method} ${w.path}`); continue; }
		if (w.body !== undefined) {
			const c = op.requestBody && op.requestBody.content['application/json'];
			if (!c) { nok(`${label}: request body documented`); continue; }
			let v;
			try { v = validator(c.schema); } catch (e) { nok(`${label}: the request body is valid`, e.message); continue; }
			if (v(w.body)) ok(`${label}: the request body is valid`); else nok(`${label}: the request body is valid`, errs(v));
		}
		const res = await call(w.method, w.url, w.body, w.token === undefined ? token : w.token);
		if (w.status && res.status !== w.status) { nok(`${label}: answers ${w.status}`, `${res.status} ${res.text.slice(0, 400)}`); continue; }
		if (process.env.CONTRACT_DUMP) fs.writeFileSync(path.join(process.env.CONTRACT_DUMP, `w-${w.method}-${w.path.replace(/[/{}.]/g, '_')}.json`), res.text);
		const body = checkAnswer(`${label}: the answer is valid`, op, res);
		for (const [n, f] of Object.entries(w.save || {})) {
			vars[n] = f.split('.').reduce((o, k) => (o == null ? o : o[k]), body);
			if (vars[n] === undefined) nok(`${label}: the answer has ${f}`);
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
	}
}

// writes: which write operations the plan does not send (printed, so that the list is seen)
function unsent() {
	const sent = new Set((plan.writes || []).map((w) => `${w.method} ${w.path}`));
	const left = [];
	for (const [p, item] of Object.entries(doc.paths))
		for (const m of Object.keys(item))
			if (m !== 'get' && !sent.has(`${m.toUpperCase()} ${p}`)) left.push(`${m.toUpperCase()} ${p}`);
	console.log(`# write operations sent: ${sent.size}; not sent (their schemas are not checked against a real answer): ${left.length}`);
	for (const l of left) console.log(`#   ${l}`);
}

(async () => {
	try {
		await writes();
		await reads();
		unsent();
	} catch (e) {
		nok('the contract run', e.stack);
	}
	process.exit(failed);
})();
