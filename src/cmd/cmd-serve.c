/* cmd-serve.c: `lup serve` runs the HTTP server. */
#include "cmd/cmd.h"
#include "web/server.h"

#include <errno.h>
#include <stdlib.h>

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	const char *listen = "127.0.0.1:8080", *threads = NULL, *port_file = NULL, *timeout = NULL, *pos[1];
	int help = 0, secure = 0, quiet = 0, no_cache = 0, npos, rc;
	const struct opt opts[] = {
		{ "--listen", &listen, NULL }, { "--threads", &threads, NULL },
		{ "--secure-cookies", NULL, &secure }, { "--quiet", NULL, &quiet },
		{ "--port-file", &port_file, NULL }, { "--no-cache", NULL, &no_cache },
		{ "--request-timeout", &timeout, NULL }, { NULL, NULL, NULL },
	};
	struct server_conf conf = { 0 };
	char *end;
	long n = 2;

	if ((rc = cmd_parse(&cmd_serve, argc, argv, opts, pos, 0, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_serve, stdout);
	if (threads) {
		errno = 0;
		n = strtol(threads, &end, 10);
		if (errno || *end || n < 1 || n > 64) {
			fprintf(stderr, "lup serve: --threads '%s': expected 1-64\n", threads);
			return EXIT_USAGE;
		}
	}
	if (timeout) {
		errno = 0;
		conf.request_seconds = (int)strtol(timeout, &end, 10);
		if (errno || *end || conf.request_seconds < 1 || conf.request_seconds > 3600) {
			fprintf(stderr, "lup serve: --request-timeout '%s': expected 1-3600 seconds\n", timeout);
			return EXIT_USAGE;
		}
	}
	conf.db = c->db;
	conf.listen = listen;
	conf.threads = (int)n;
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
	"      [--request-timeout S]",
	"serve the JSON API over HTTP",
	"Serves the API (see /api/openapi.json) until SIGINT or SIGTERM, then finishes the requests\n"
	"in flight and closes the database.\n"
	"  --listen ADDR:PORT  address to listen on (default 127.0.0.1:8080; port 0 picks one)\n"
	"  --threads N         worker threads (default 2)\n"
	"  --secure-cookies    mark the session cookie Secure (when served behind TLS)\n"
	"  --quiet             no access log on standard error\n"
	"  --port-file F       write the port listened on to F once listening\n"
	"  --request-timeout S cut off a request still sending its body after S seconds (30)\n"
	"  --no-cache          answer every view from the database (public views are otherwise\n"
	"                      cached until the next write of data)",
};
