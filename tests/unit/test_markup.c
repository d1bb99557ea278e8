/*
 * test_markup.c - HTML pages and RSS/Atom feeds: the text a reader sees,
 * the metadata, malformed markup, and the reader choosing them by
 * extension and by content.
 */
#include "testutil.h"

#include "read/markup.h"

#include <unistd.h>

static char *input_of(const kh_doc *d)
{
    size_t n;
    const char *s = kh_doc_input(d, &n);
    char *c = malloc(n + 1);
    memcpy(c, s, n);
    c[n] = '\0';
    return c;
}

static const char page[] =
    "<!DOCTYPE html>\n<html><head><meta charset=utf-8>\n"
    "<title>Site | Story</title>\n"
    "<meta property=\"og:title\" content=\"Iraq &amp; the U.S. form a "
    "committee\">\n"
    "<meta property=\"og:site_name\" content=\"Example News\">\n"
    "<meta property=\"article:published_time\" "
    "content=\"2024-01-06T09:30:00+03:00\">\n"
    "<link rel=\"canonical\" href=\"https://news.example/a?x=1&amp;y=2\">\n"
    "<script>var s = \"<p>not text</p>\"; if (a < b) {}</script>\n"
    "<style>p { color: red }</style></head><body>\n"
    "<nav><ul><li>Home</li><li>World</li></ul></nav>\n"
    "<article><h1>Iraq and the U.S. form a committee</h1>\n"
    "<p>BAGHDAD, Jan 6 (Example) - The prime minister <b>announced</b>\n"
    "   the committee&nbsp;on Saturday.</p>\n"
    "<figure><img src=x.jpg><figcaption>Photo: file</figcaption></figure>\n"
    "<p>&ldquo;We are ready,&rdquo; he said.<br>Talks went on.</p>\n"
    "<aside>Read more</aside><!-- <p>hidden</p> --></article>\n"
    "<footer>Copyright</footer></body></html>\n";

static void test_html_page(void **state)
{
    (void)state;
    kh_error err;
    kh_doc *d = kh_read_html(page, sizeof page - 1, "dir/story.html", &err);
    assert_non_null(d);
    char *in = input_of(d);
    /* the article's paragraphs; no script, style, navigation, figure,
     * aside, comment or footer; the h1 is the title; the wire dateline
     * opens the body and names the place and the agency */
    assert_string_equal(in, "BAGHDAD, Jan 6 (Example) - The prime minister "
                            "announced the committee on Saturday.\n\n"
                            "\xE2\x80\x9CWe are ready,\xE2\x80\x9D he "
                            "said.\nTalks went on.");
    free(in);
    assert_string_equal(kh_doc_id(d), "story");
    assert_string_equal(kh_doc_title(d),
                        "Iraq & the U.S. form a committee");
    assert_string_equal(kh_doc_url(d), "https://news.example/a?x=1&y=2");
    assert_string_equal(kh_doc_source(d), "Example News");
    assert_string_equal(kh_doc_dateline(d), "Baghdad");
    assert_string_equal(kh_doc_date(d), "2024-01-06");
    kh_doc_free(d);
}

static void test_html_fallbacks(void **state)
{
    (void)state;
    kh_error err;
    /* no <article>: <main>; no og:title: the h1; <time datetime> */
    static const char p1[] =
        "<html><body><header>Site</header><main><h1>Head line</h1>"
        "<p>Iraq condemned the strike.</p><time datetime=\"2023-05-02\">"
        "May 2</time></main><p>Outside.</p></body></html>";
    kh_doc *d = kh_read_html(p1, sizeof p1 - 1, "p1.html", &err);
    assert_non_null(d);
    char *in = input_of(d);
    assert_string_equal(in, "Iraq condemned the strike.\n\nMay 2");
    free(in);
    assert_string_equal(kh_doc_title(d), "Head line");
    assert_string_equal(kh_doc_date(d), "2023-05-02");
    kh_doc_free(d);
    /* malformed: unclosed tags, a stray '<', an unterminated comment */
    static const char p2[] = "<p>Troops moved in <b>Mosul & a < b <i>today"
                             "<p>Second <!-- never closed";
    d = kh_read_html(p2, sizeof p2 - 1, "p2.html", &err);
    assert_non_null(d);
    in = input_of(d);
    assert_string_equal(in, "Troops moved in Mosul & a < b today\n\nSecond");
    free(in);
    kh_doc_free(d);
    /* a page with no text is an error that names the file */
    static const char p3[] = "<html><script>x()</script><nav>Menu</nav>";
    assert_null(kh_read_html(p3, sizeof p3 - 1, "p3.html", &err));
    assert_int_equal(err.code, KH_EEMPTY);
    assert_string_equal(err.file, "p3.html");
}

static void test_references_and_dates(void **state)
{
    (void)state;
    kh_buf b = KH_BUF_INIT;
    static const char s[] = "a &amp; b &#8217; &#x201C; &bogus; &#0; & x";
    kh_ml_decode(s, sizeof s - 1, &b);
    assert_string_equal(kh_buf_cstr(&b), "a & b \xE2\x80\x99 \xE2\x80\x9C "
                                         "&bogus; \xEF\xBF\xBD & x");
    kh_buf_free(&b);
    char out[11];
    assert_true(kh_ml_date("Sat, 06 Jan 2024 10:00:00 GMT", out));
    assert_string_equal(out, "2024-01-06");
    assert_true(kh_ml_date("6 January 2024", out));
    assert_string_equal(out, "2024-01-06");
    assert_true(kh_ml_date(" 2023-11-12T14:00:00+03:00", out));
    assert_string_equal(out, "2023-11-12");
    assert_false(kh_ml_date("yesterday", out));
    assert_false(kh_ml_date("Sat, 31 Feb 2024", out));
}

static const char rss[] =
    "<?xml version=\"1.0\"?>\n<!-- comment -->\n"
    "<rss version=\"2.0\"><channel><title>Tigris Observer</title>\n"
    "<item><title>Committee formed</title>\n"
    "<link>https://tigris.example/1</link><guid>t-1</guid>\n"
    "<pubDate>Sun, 12 Nov 2023 14:00:00 +0300</pubDate>\n"
    "<description>&lt;p&gt;Short.&lt;/p&gt;</description>\n"
    "<content:encoded><![CDATA[<p>Iraq condemned the attack.</p>"
    "<p>It called for calm.</p>]]></content:encoded></item>\n"
    "<item><title>Turkey &amp; Iraq met</title>"
    "<link>https://tigris.example/2</link></item>\n"
    "<item><title> </title><description></description></item>\n"
    "</channel></rss>\n";

typedef struct {
    char ids[4][64], texts[4][96], errs[4][96];
    int n;
} items;

static int collect(void *ctx, kh_doc *d, const kh_error *err)
{
    items *it = ctx;
    assert_true(it->n < 4);
    if (d) {
        snprintf(it->ids[it->n], 64, "%s", kh_doc_id(d));
        char *in = input_of(d);
        snprintf(it->texts[it->n], 96, "%s", in);
        free(in);
        kh_doc_free(d);
    } else {
        char msg[256];
        snprintf(it->errs[it->n], 96, "%s",
                 kh_error_format(err, msg, sizeof msg));
    }
    it->n++;
    return 0;
}

static void test_feeds(void **state)
{
    (void)state;
    items it;
    memset(&it, 0, sizeof it);
    kh_error err;
    assert_int_equal(kh_read_feed(rss, sizeof rss - 1, "f.rss", collect,
                                  &it, &err), KH_OK);
    assert_int_equal(it.n, 3);
    /* the full content over the description; the title when nothing
     * else; the guid, else the link, as the id */
    assert_string_equal(it.ids[0], "t-1");
    assert_string_equal(it.texts[0],
                        "Iraq condemned the attack.\n\nIt called for calm.");
    assert_string_equal(it.ids[1], "https://tigris.example/2");
    assert_string_equal(it.texts[1], "Turkey & Iraq met");
    /* an item without text: its own error, with the line of the item */
    assert_non_null(strstr(it.errs[2], "f.rss:10"));

    static const char atom[] =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Cedar</title>"
        "<entry><title>T</title><link rel=\"self\" href=\"https://c/s\"/>"
        "<link href=\"https://c/1\"/><id>urn:1</id>"
        "<published>2024-02-12T10:00:00Z</published>"
        "<content type=\"xhtml\"><div><p>Lebanon complained.</p></div>"
        "</content></entry></feed>";
    memset(&it, 0, sizeof it);
    assert_int_equal(kh_read_feed(atom, sizeof atom - 1, "f.atom", collect,
                                  &it, &err), KH_OK);
    assert_int_equal(it.n, 1);
    assert_string_equal(it.ids[0], "urn:1");
    assert_string_equal(it.texts[0], "Lebanon complained.");

    /* not a feed; a feed without items */
    static const char html[] = "<html><p>x</p></html>";
    assert_int_equal(kh_read_feed(html, sizeof html - 1, "x.xml", collect,
                                  &it, &err), KH_EINPUT);
    assert_non_null(strstr(err.message, "not an RSS or Atom feed"));
    static const char none[] = "<rss><channel><title>x</title></channel>";
    assert_int_equal(kh_read_feed(none, sizeof none - 1, "n.rss", collect,
                                  &it, &err), KH_EEMPTY);
}

/* The reader takes pages and feeds by extension and by content, and a
 * feed's items one by one, with the metadata of each. */
static void test_reader(void **state)
{
    (void)state;
    char dir[] = "/tmp/khaldun-markup-XXXXXX";
    assert_non_null(mkdtemp(dir));
    static const struct { const char *name, *data; } files[] = {
        {"a.html", page},
        {"b.rss", rss},
        {"c", "<?xml version=\"1.0\"?><feed><entry><title>Iraq met Iran."
              "</title></entry></feed>"},
        {"d.txt", "<html><body><p>Sniffed as a page.</p></body></html>"},
    };
    char path[600];
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        assert_int_equal(tu_write_file(path, files[i].data,
                                       strlen(files[i].data)), 0);
    }
    const char *paths[] = {dir};
    kh_reader *r = kh_reader_open(paths, 1, NULL);
    const char *want[] = {"a", "t-1", "https://tigris.example/2", "!b.rss:10",
                          "c-item-1", "d"};
    size_t k = 0;
    kh_doc *d;
    kh_error err;
    int rc;
    while ((rc = kh_reader_next(r, &d, &err)) != 0) {
        assert_true(k < sizeof want / sizeof *want);
        if (rc > 0) {
            if (strcmp(kh_doc_id(d), want[k]) != 0)
                print_message("want %s got %s\n", want[k], kh_doc_id(d));
            assert_string_equal(kh_doc_id(d), want[k]);
            if (k == 1) {
                assert_string_equal(kh_doc_source(d), "Tigris Observer");
                assert_string_equal(kh_doc_date(d), "2023-11-12");
                assert_string_equal(kh_doc_url(d), "https://tigris.example/1");
                assert_string_equal(kh_doc_title(d), "Committee formed");
            }
            kh_doc_free(d);
        } else {
            char msg[1024];
            kh_error_format(&err, msg, sizeof msg);
            assert_int_equal(want[k][0], '!');
            assert_non_null(strstr(msg, want[k] + 1));
        }
        k++;
    }
    assert_int_equal(k, sizeof want / sizeof *want);
    kh_reader_close(r);
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        unlink(path);
    }
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_page),
        cmocka_unit_test(test_html_fallbacks),
        cmocka_unit_test(test_references_and_dates),
        cmocka_unit_test(test_feeds),
        cmocka_unit_test(test_reader),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
