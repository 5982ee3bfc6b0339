/* fuzz-markdown.c: libFuzzer target for the Markdown renderer (src/render/markdown.c): any bytes
 * are rendered or refused cleanly, the writer accepts every call (nothing too deep, nothing
 * unbalanced), and no '<' of the input reaches the output as the start of a tag the renderer
 * does not write. */
#include "core/buf.h"
#include "render/html.h"
#include "render/markdown.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The tags the renderer writes (and the div around it). */
static int known_tag(const char *p)
{
	static const char *const tags[] = { "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code",
					    "pre", "ul", "ol", "li", "blockquote", "a", "br", "hr", "del", "table",
					    "thead", "tbody", "tr", "th", "td", NULL };

	p += p[1] == '/' ? 2 : 1;
	for (int i = 0; tags[i]; i++) {
		size_t n = strlen(tags[i]);
		if (strncmp(p, tags[i], n) == 0 && (p[n] == '>' || p[n] == ' '))
			return 1;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf out;
	struct html h;

	buf_init(&out, 0);
	html_init(&h, &out);
	html_open(&h, "div", NULL);
	md_render(&h, (const char *)data, size, 3);
	if (html_finish(&h) != 0)
		abort();
	for (const char *p = out.ptr; p && (p = strchr(p, '<')) != NULL; p++)
		if (!known_tag(p))
			abort();
	buf_release(&out);
	return 0;
}
