/* test-markdown.c: Markdown through the escape-by-default writer (render/markdown.h): each node
 * kind, links and images by scheme, tables, raw HTML as text, deep nesting bounded, the size
 * limit and broken UTF-8. */
#include "render/markdown.h"
#include "render/html.h"
#include "core/buf.h"
#include "testlib.h"

#include <stdlib.h>
#include <string.h>

static struct buf out;
static char *last;

/* md: the HTML of src with "#" as h3, inside an open <div>; NULL when md_render refused it. */
static const char *md(const char *src, size_t len)
{
	struct html h;

	free(last);
	last = NULL;
	buf_init(&out, 0);
	html_init(&h, &out);
	html_open(&h, "div", NULL);
	enum md_result rc = md_render(&h, src, len, 3);
	if (html_finish(&h) != 0 || rc != MD_OK) {
		buf_release(&out);
		return NULL;
	}
	last = buf_detach(&out, NULL);
	return last;
}

#define MD(s) md((s), strlen(s))

static void test_paragraphs_headings(void)
{
	T_EQ_STR(MD("Hej *du* och **ni**, `kod`.\n\nAndra stycket."),
		 "<div><p>Hej <em>du</em> och <strong>ni</strong>, <code>kod</code>.</p><p>Andra stycket.</p></div>");
	T_EQ_STR(MD("# Ett\n\n## Två\n\n###### Sex"), "<div><h3>Ett</h3><h4>Två</h4><h6>Sex</h6></div>");
	T_EQ_STR(MD("Rad ett  \nrad två\nrad tre"), "<div><p>Rad ett<br>rad två\nrad tre</p></div>");
	T_EQ_STR(MD("a\n\n---\n\nb"), "<div><p>a</p><hr><p>b</p></div>");
	T_EQ_STR(MD("~~bort~~"), "<div><p><del>bort</del></p></div>");
	T_EQ_STR(MD(""), "<div></div>");
}

static void test_lists_quotes_code(void)
{
	T_EQ_STR(MD("- a\n- b\n  1. c\n  2. d"), "<div><ul><li>a</li><li>b<ol><li>c</li><li>d</li></ol></li></ul></div>");
	T_EQ_STR(MD("3. tre\n4. fyra"), "<div><ol start=\"3\"><li>tre</li><li>fyra</li></ol></div>");
	T_EQ_STR(MD("- a\n\n- b"), "<div><ul><li><p>a</p></li><li><p>b</p></li></ul></div>");
	T_EQ_STR(MD("> citat\n> > djupare"), "<div><blockquote><p>citat</p><blockquote><p>djupare</p></blockquote></blockquote></div>");
	T_EQ_STR(MD("```c\nif (a < b && c)\n```"), "<div><pre><code>if (a &lt; b &amp;&amp; c)\n</code></pre></div>");
}

static void test_links(void)
{
	T_EQ_STR(MD("[stad](https://start.stockholm/ \"Titel\")"),
		 "<div><p><a href=\"https://start.stockholm/\" title=\"Titel\">stad</a></p></div>");
	T_EQ_STR(MD("[a](http://x.se/?a=1&b=2) [m](mailto:a@b.se) [r](/stadsdel/x) [f](#teman)"),
		 "<div><p><a href=\"http://x.se/?a=1&amp;b=2\">a</a> <a href=\"mailto:a@b.se\">m</a> "
		 "<a href=\"/stadsdel/x\">r</a> <a href=\"#teman\">f</a></p></div>");
	T_EQ_STR(MD("[klick](javascript:alert(1))"), "<div><p>klick</p></div>");
	T_EQ_STR(MD("[klick](JaVaScRiPt:alert(1))"), "<div><p>klick</p></div>");
	T_EQ_STR(MD("[klick](java&#115;cript:alert(1))"), "<div><p>klick</p></div>");
	T_EQ_STR(MD("[d](data:text/html;base64,PHNjcmlwdD4=)"), "<div><p>d</p></div>");
	T_EQ_STR(MD("[v](vbscript:x) [n](//evil.example/) [b](/\\evil.example)"), "<div><p>v n b</p></div>");
	T_EQ_STR(MD("<javascript:alert(1)>"), "<div><p>javascript:alert(1)</p></div>");
	T_EQ_STR(MD("<https://a.se>"), "<div><p><a href=\"https://a.se\">https://a.se</a></p></div>");
	T_CONTAINS(MD("se www.stockholm.se nu"), "<a href=\"http://www.stockholm.se\">www.stockholm.se</a>");
	T_CHECK(md_url_allowed("https://x") && md_url_allowed("x/y:z") && md_url_allowed("?a=b"));
	T_CHECK(!md_url_allowed("javascript:x") && !md_url_allowed("") && !md_url_allowed("a\tb") &&
		!md_url_allowed(" javascript:x") && !md_url_allowed("file:///etc/passwd"));
}

static void test_images(void)
{
	T_EQ_STR(MD("![Karta över Kista](https://x.se/k.png)"),
		 "<div><p>Karta över Kista (<a href=\"https://x.se/k.png\" class=\"md-image\">bild</a>)</p></div>");
	T_EQ_STR(MD("![alt](javascript:alert(1))"), "<div><p>alt</p></div>");
	T_CHECK(!strstr(MD("![x](https://x.se/a.png)"), "<img"));
}

static void test_tables(void)
{
	T_EQ_STR(MD("| Tema | Antal | Not |\n|:-----|------:|:---:|\n| Trygghet | 3 | a |\n| Skola | 12 | b |"),
		 "<div><table class=\"md-table\"><thead><tr><th scope=\"col\" class=\"md-left\">Tema</th>"
		 "<th scope=\"col\" class=\"md-right\">Antal</th><th scope=\"col\" class=\"md-center\">Not</th></tr></thead>"
		 "<tbody><tr><td class=\"md-left\">Trygghet</td><td class=\"md-right\">3</td><td class=\"md-center\">a</td></tr>"
		 "<tr><td class=\"md-left\">Skola</td><td class=\"md-right\">12</td><td class=\"md-center\">b</td></tr>"
		 "</tbody></table></div>");
	T_EQ_STR(MD("| a | b |\n|---|---|"),
		 "<div><table class=\"md-table\"><thead><tr><th scope=\"col\">a</th><th scope=\"col\">b</th></tr></thead></table></div>");
	T_CHECK(!strstr(MD("| a |\n|:-:|\n| b |"), "style"));
}

static void test_raw_html_escaped(void)
{
	T_EQ_STR(MD("<script>alert(1)</script>"), "<div><pre class=\"md-html\"><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre></div>");
	T_EQ_STR(MD("a <img src=x onerror=alert(1)> b"), "<div><p>a &lt;img src=x onerror=alert(1)&gt; b</p></div>");
	T_EQ_STR(MD("[x](https://a.se\"onmouseover=\"alert(1))"),
		 "<div><p><a href=\"https://a.se&quot;onmouseover=&quot;alert(1)\">x</a></p></div>");
	T_EQ_STR(MD("| <b>x</b> |\n|---|\n| <i>y</i> |"),
		 "<div><table class=\"md-table\"><thead><tr><th scope=\"col\">&lt;b&gt;x&lt;/b&gt;</th></tr></thead>"
		 "<tbody><tr><td>&lt;i&gt;y&lt;/i&gt;</td></tr></tbody></table></div>");
}

/* depth: the deepest nesting of elements in s (void elements br and hr aside). */
static int depth(const char *s)
{
	int d = 0, max = 0;

	for (const char *p = s; (p = strchr(p, '<')) != NULL; p++) {
		if (p[1] == '/')
			d--;
		else if (strncmp(p, "<br>", 4) != 0 && strncmp(p, "<hr>", 4) != 0 && ++d > max)
			max = d;
	}
	return d == 0 ? max : -1;
}

/* count: occurrences of needle in s. */
static int count(const char *s, const char *needle)
{
	int n = 0;

	for (const char *p = s; p && (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

static void test_deep_nesting(void)
{
	size_t n = 20000;
	char *s = malloc(2 * n + 8);

	/* quotes: ">>>>...> x" */
	memset(s, '>', n);
	strcpy(s + n, " inne");
	const char *o = md(s, strlen(s));
	T_CHECK(o != NULL);
	T_CONTAINS(o, "inne");
	T_CHECK(count(o, "<blockquote>") <= MD_MAX_DEPTH);
	T_EQ_INT(count(o, "<blockquote>"), count(o, "</blockquote>"));
	/* lists: "- - - - ... x" */
	for (size_t i = 0; i < n; i++)
		memcpy(s + 2 * i, "- ", 2);
	strcpy(s + 2 * n, "x");
	o = md(s, strlen(s));
	T_CHECK(o != NULL);
	T_CHECK(count(o, "<li>") <= MD_MAX_DEPTH);
	T_CHECK(depth(o) > 0 && depth(o) <= MD_MAX_DEPTH + 1);
	T_EQ_INT(count(o, "<ul>"), count(o, "</ul>"));
	/* emphasis: "*_*_*_ ... x ... _*_*" */
	for (size_t i = 0; i < n / 2; i++)
		s[i] = i % 2 ? '_' : '*';
	s[n / 2] = 'x';
	for (size_t i = 0; i < n / 2; i++)
		s[n / 2 + 1 + i] = s[n / 2 - 1 - i];
	s[n + 1] = '\0';
	o = md(s, strlen(s));
	T_CHECK(o != NULL);
	T_CONTAINS(o, "x");
	T_CHECK(depth(o) > 0 && depth(o) <= MD_MAX_DEPTH + 1);
	free(s);
}

static void test_limits(void)
{
	size_t n = 1 << 20;
	char *s = malloc(n + 1);

	memset(s, 'a', n);
	s[n] = '\0';
	T_CHECK(md(s, n) == NULL);
	T_CHECK(md(s, MD_MAX_INPUT) != NULL);
	T_CHECK(md(s, MD_MAX_INPUT + 1) == NULL);
	free(s);
	T_CHECK(MD("ok \xff\xfe") == NULL);
	T_CHECK(MD("ok \xc3") == NULL);
	T_CHECK(md("a\0b", 3) == NULL);
	T_CHECK(MD("å ä ö \xe2\x80\x93") != NULL);
}

int main(void)
{
	T_RUN(test_paragraphs_headings);
	T_RUN(test_lists_quotes_code);
	T_RUN(test_links);
	T_RUN(test_images);
	T_RUN(test_tables);
	T_RUN(test_raw_html_escaped);
	T_RUN(test_deep_nesting);
	T_RUN(test_limits);
	free(last);
	return t_done();
}
