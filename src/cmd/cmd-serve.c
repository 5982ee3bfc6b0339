/* cmd-serve.c: `lup serve` runs the HTTP server. */
#include "cmd/cmd.h"
#include "web/server.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

/* number: parses the option name's text (when given) as an integer in lo..hi into *out; 0, or
 * -1 after a message on standard error. */
static int number(const char *text, const char *name, long lo, long hi, int *out)
{
	char *end;
	long v;

	if (!text)
		return 0;
	errno = 0;
	v = strtol(text, &end, 10);
	if (errno || end == text || *end || v < lo || v > hi) {
		fprintf(stderr, "lup serve: %s '%s': expected %ld-%ld\n", name, text, lo, hi);
		return -1;
	}
	*out = (int)v;
	return 0;
}

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	const char *listen = "127.0.0.1:8080", *threads = NULL, *port_file = NULL, *timeout = NULL, *pos[1];
	const char *head = NULL, *max_conn = NULL, *per_addr = NULL;
	int help = 0, secure = 0, quiet = 0, no_cache = 0, npos, rc;
	const struct opt opts[] = {
		{ "--listen", &listen, NULL }, { "--threads", &threads, NULL },
		{ "--secure-cookies", NULL, &secure }, { "--quiet", NULL, &quiet },
		{ "--port-file", &port_file, NULL }, { "--no-cache", NULL, &no_cache },
		{ "--request-timeout", &timeout, NULL }, { "--head-timeout", &head, NULL },
		{ "--max-connections", &max_conn, NULL }, { "--max-per-address", &per_addr, NULL },
		{ NULL, NULL, NULL },
	};
	struct server_conf conf = { .threads = 2 };

	if ((rc = cmd_parse(&cmd_serve, argc, argv, opts, pos, 0, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_serve, stdout);
	/* the pages show times in Stockholm's local time (model_time_sv); TZ set by whoever starts
	 * the server wins */
	if (!getenv("TZ") || !*getenv("TZ"))
		setenv("TZ", "Europe/Stockholm", 1);
	tzset();
	if (number(threads, "--threads", 1, 64, &conf.threads) != 0)
		return EXIT_USAGE;
	if (number(timeout, "--request-timeout", 1, 3600, &conf.request_seconds) != 0 ||
	    number(head, "--head-timeout", 1, 3600, &conf.head_seconds) != 0 ||
	    number(max_conn, "--max-connections", 8, 100000, &conf.max_connections) != 0 ||
	    number(per_addr, "--max-per-address", 1, 100000, &conf.max_per_address) != 0)
		return EXIT_USAGE;
	if (conf.max_connections && conf.max_connections < 4 * conf.threads) {
		/* each worker thread gets its share of the cap */
		fprintf(stderr, "lup serve: --max-connections %d: expected at least 4 per thread\n", conf.max_connections);
		return EXIT_USAGE;
	}
	conf.db = c->db;
	conf.listen = listen;
	conf.secure_cookies = secure;
	conf.quiet = quiet;
	conf.port_file = port_file;
	conf.no_cache = no_cache;
	if (server_run(&conf, &c->err) != 0)
		return cmd_fail(c);
	return EXIT_OK;
}

const struct cmd cmd_serve = {
	"serve", run, "serve [--listen ADDR:PORT] [--threads N] [--secure-cookies] [--quiet] [--port-file F] [--no-cache]\n"
	"      [--request-timeout S] [--head-timeout S] [--max-connections N] [--max-per-address N]",
	"serve the JSON API over HTTP",
	"Serves the API (see /api/openapi.json) until SIGINT or SIGTERM, then finishes the requests\n"
	"in flight and closes the database.\n"
	"  --listen ADDR:PORT  address to listen on (default 127.0.0.1:8080; port 0 picks one)\n"
	"  --threads N         worker threads (default 2)\n"
	"  --secure-cookies    mark the session cookie Secure (when served behind TLS)\n"
	"  --quiet             no access log on standard error\n"
	"  --port-file F       write the port listened on to F once listening\n"
	"  --request-timeout S cut off a request still sending its body after S seconds (30)\n"
	"  --head-timeout S    cut off a connection whose request head (request line and headers)\n"
	"                      has not fully arrived S seconds after it began waiting for it (10)\n"
	"  --max-connections N connections served at once (2048; at least 4 per thread); near\n"
	"                      the cap, those waiting longest for a request head are cut\n"
	"  --max-per-address N connections at once from one client address (128)\n"
	"  --no-cache          answer every view from the database (public views are otherwise\n"
	"                      cached until the next write of data)",
};
