# lup: build, run and test. The two commands: `make run` and `make check`.
# V=1 shows the full commands.

CC ?= cc
PKGS := sqlite3 icu-uc icu-i18n yajl libmicrohttpd libsodium jansson libcmark-gfm libzip libxml-2.0 xlsxwriter libical libpq libxxhash
DB ?= var/lup.db
DATASET ?= data/stockholm
# the commission's response document (seed 002), imported with the dataset when it is there
COMMISSION ?= $(wildcard ../shared/seeds/002_*.txt)

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c17 -D_POSIX_C_SOURCE=200809L $(WARN) -Isrc -Ibuild/gen $(PKG_CFLAGS) $(CFLAGS)
SAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
LIBS = $(PKG_LIBS) -lcsv -lm

ifeq ($(V),1)
Q :=
else
Q := @
endif

LIB_SRC := $(sort $(wildcard src/core/*.c src/model/*.c src/store/*.c src/load/*.c src/import/*.c src/render/*.c src/view/*.c src/edit/*.c src/doc/*.c src/web/*.c src/cmd/*.c))
MIGRATIONS := $(sort $(wildcard src/store/sqlite/*.sql))
PG_MIGRATIONS := $(sort $(wildcard src/store/pg/*.sql))
GEN := build/gen/migrations-sqlite.c build/gen/migrations-pg.c
LIB_OBJ := $(LIB_SRC:src/%.c=build/obj/%.o) build/obj/gen/migrations-sqlite.o build/obj/gen/migrations-pg.o
SAN_OBJ := $(LIB_SRC:src/%.c=build/san/%.o) build/san/gen/migrations-sqlite.o build/san/gen/migrations-pg.o
UNIT := $(sort $(wildcard tests/unit/test-*.c))
UNIT_BIN := $(UNIT:tests/unit/%.c=build/%)
UNIT_SAN := $(UNIT:tests/unit/%.c=build/san/%)

FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz-*.c))
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_OBJ := $(LIB_SRC:src/%.c=build/fuzzobj/%.o) build/fuzzobj/gen/migrations-sqlite.o build/fuzzobj/gen/migrations-pg.o
FUZZ_CC := clang
FUZZ_FLAGS := -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined
FUZZ_SECONDS ?= 60

.PHONY: all run check deps deps-test test sanitize clean bench fuzz fuzz-build soak screenshots
all: build/lup

deps:
	$(Q)sh scripts/deps.sh build
deps-test:
	$(Q)sh scripts/deps.sh test
	$(Q)[ node_modules/.package-lock.json -nt package-lock.json ] || \
		npm ci --no-audit --no-fund --loglevel=error >/dev/null

build/gen/migrations-sqlite.c: scripts/sql2c.sh $(MIGRATIONS)
	@mkdir -p $(dir $@)
	$(Q)sh scripts/sql2c.sh sqlite_migrations $(MIGRATIONS) > $@.tmp && mv $@.tmp $@
build/gen/migrations-pg.c: scripts/sql2c.sh $(PG_MIGRATIONS)
	@mkdir -p $(dir $@)
	$(Q)sh scripts/sql2c.sh pg_migrations $(PG_MIGRATIONS) > $@.tmp && mv $@.tmp $@

build/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@
build/san/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -c $< -o $@

build/obj/%.o: src/%.c $(GEN)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@
build/san/%.o: src/%.c $(GEN)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC+SAN  $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -MMD -MP -c $< -o $@

build/lup: build/obj/main.o $(LIB_OBJ)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $^ $(LIBS)
build/san/lup: build/san/main.o $(SAN_OBJ)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(SAN_FLAGS) -o $@ $^ $(LIBS)

build/test-%: tests/unit/test-%.c $(LIB_OBJ) tests/unit/testlib.h
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(LIB_OBJ) $(LIBS)
build/san/test-%: tests/unit/test-%.c $(SAN_OBJ) tests/unit/testlib.h
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -Itests/unit -o $@ $< $(SAN_OBJ) $(LIBS)

sanitize: build/san/lup $(UNIT_SAN)

# Fuzzing: one libFuzzer target per parser in tests/fuzz/fuzz-NAME.c with its seed corpus in
# tests/fuzz/corpus/NAME/. `make fuzz` runs each for FUZZ_SECONDS; `make check` runs each briefly.
build/fuzzobj/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(Q)$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
build/fuzzobj/%.o: src/%.c $(GEN)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC+FUZZ $<")
	$(Q)$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
build/fuzz/fuzz-%: tests/fuzz/fuzz-%.c $(FUZZ_OBJ)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  FUZZER  $@")
	$(Q)$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) $(LIBS)
fuzz-build: $(FUZZ_BIN)
# make fuzz [FUZZ_SECONDS=S] [FUZZERS="http csv"] [LUP_FUZZ_PG=DIR]: each fuzzer (or those
# named) for S seconds, then a table of the figures reached (tests/fuzz/run.sh); with the socket
# directory of a PostgreSQL cluster (scripts/pg-cluster.sh start DIR) fuzz-http also runs on
# PostgreSQL, else a line says that run was skipped
fuzz: deps-test fuzz-build
	$(Q)LUP_FUZZ_PG="$(LUP_FUZZ_PG)" sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZERS)

# soak: the fault suite at length (tests/fault/soak.sh): kill -9 under writes, 1,000
# connections, 500 slow clients, a backup during writes, on SQLite and (when PostgreSQL's server
# is installed) on PostgreSQL; prints the report. SOAK_KILLS, SOAK_CONNS, SOAK_SECONDS ... (see
# the script) scale it.
soak: all
	$(Q)sh tests/fault/soak.sh

# run: install what is missing, build, create the database with the Stockholm dataset (and the
# commission's responses from ../shared/seeds when present) when it does not exist yet, with
# three logins with random passwords (an editor, a city controller, an administrator; written
# to $(DB).logins and shown), upgrade it in place otherwise, show what it holds, and serve it on
# http://127.0.0.1:8080 (LISTEN=ADDR:PORT to change; Ctrl-C stops).
LISTEN ?= 127.0.0.1:8080
run: deps
	$(Q)$(MAKE) --no-print-directory $(BUILD_JOBS) all
	@mkdir -p $(dir $(DB))
	$(Q)if [ ! -f $(DB) ]; then ./build/lup --db $(DB) init && ./build/lup --db $(DB) demo $(DATASET) && \
		for f in $(COMMISSION); do ./build/lup --db $(DB) import commission "$$f" >/dev/null || exit 1; done && \
		sh scripts/demo-logins.sh ./build/lup $(DB) $(DB).logins; \
	else ./build/lup --db $(DB) init; fi
	$(Q)./build/lup --db $(DB) summary
	$(Q)if [ -f $(DB).logins ]; then echo "Logins for http://$(LISTEN)/logga-in ($(DB).logins):"; \
		sed 's/^/  /' $(DB).logins; fi
	$(Q)exec ./build/lup --db $(DB) serve --listen $(LISTEN)

# check: every test, with the normal build and under AddressSanitizer + UBSan. It builds lup and
# the unit tests, one job per core (unless make was given -j itself); tests/run.sh builds the
# sanitizer build and the fuzzers (make sanitize fuzz-build) beside its first jobs.
BUILD_JOBS = $(if $(filter -j%,$(MAKEFLAGS)),,-j$(shell nproc 2>/dev/null || echo 2))
check: deps-test
	$(Q)$(MAKE) --no-print-directory $(BUILD_JOBS) all $(UNIT_BIN)
	$(Q)sh tests/run.sh

test: check

# screenshots: the browser tests on SQLite with their full-page screenshots (make check leaves
# them out) in build/screenshots/
screenshots: all deps-test
	$(Q)BROWSER_SCREENSHOTS=on sh tests/browser/run.sh

bench: all
	$(Q)sh bench/run.sh

clean:
	rm -rf build

.SECONDARY:

-include $(shell find build -name '*.d' 2>/dev/null)
