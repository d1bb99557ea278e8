/*
 * test_actors.c - the bundled actors and agents (data/dict/ and the
 * generated build/data/dict/world.actors) on short sentences: countries
 * by name, demonym and capital; the ambiguous short names; international
 * organisations; armed groups; office holders before, during and after
 * office; agents composed with actors; and the actor rules of
 * khaldun.options (GOV yields to a role, places after IN, PRO-/ANTI-).
 *
 * Most cases look at the actors the coder found (its slots), not at
 * events, so that they test the actor dictionaries and not the verbs; a
 * few events check that the codes reach the output.
 */
#include "testutil.h"

#include "code/code.h"
#include "code/validate.h"
#include "dict/dict.h"

#include <unistd.h>

#ifndef KH_DICT_PATH
#define KH_DICT_PATH "data/dict/khaldun.project"
#endif

static kh_dict *bundled;

static int setup(void **state)
{
    (void)state;
    kh_error err;
    size_t warnings = 0;
    bundled = kh_dict_load(KH_DICT_PATH, NULL, NULL, &err);
    if (!bundled) {
        char buf[800];
        print_message("cannot load %s: %s\n", KH_DICT_PATH,
                      kh_error_format(&err, buf, sizeof buf));
        return -1;
    }
    (void)warnings;
    /* The options say four words carry an event; many cases here are
     * shorter, and what they test is the actors. */
    bundled->options.min_words = 0;
    /* Agents with no actor ("the army", "its ambassador") take one from
     * the sentence under the coder's LONE AGENTS rule (tested in the
     * verbs suite); here they stay uncoded, so that a case shows the
     * dictionaries' actors alone. */
    bundled->options.lone_agents = 0;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    kh_dict_free(bundled);
    return 0;
}

/* The actor codes the coder found in text at date (YYYYMMDD), in order,
 * separated by blanks. */
static const char *actors_of(const char *text, int32_t date)
{
    static char out[1024];
    kh_unit *u = calloc(1, sizeof *u);
    kh_doc *doc = kh_vcode(u, bundled, text, date, NULL);
    size_t k = 0;
    out[0] = '\0';
    for (int i = 0; i < u->nslots && k < sizeof out - 64; i++) {
        if (u->slots[i].nul || u->slots[i].pronoun)
            continue;
        k += (size_t)snprintf(out + k, sizeof out - k, "%s%s", k ? " " : "",
                              u->slots[i].code);
    }
    kh_doc_free(doc);
    free(u);
    return out;
}

/* The events, "SRC TGT CODE" separated by ';', sorted. */
static const char *events_of(const char *text, int32_t date)
{
    static char out[1024];
    kh_unit *u = calloc(1, sizeof *u);
    kh_doc *doc = kh_vcode(u, bundled, text, date, NULL);
    kh_vexpect got[32];
    int n = kh_vgot(u, got, 32);
    size_t k = 0;
    out[0] = '\0';
    for (int i = 0; i < n && k < sizeof out - 160; i++)
        k += (size_t)snprintf(out + k, sizeof out - k, "%s%.40s %.40s %.15s",
                              i ? ";" : "", got[i].src, got[i].tgt,
                              got[i].code);
    kh_doc_free(doc);
    free(u);
    return out;
}

typedef struct {
    const char *text;
    int32_t date;
    const char *want;
} acase;

static void check_actors(const acase *cases, size_t n)
{
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        const char *got = actors_of(cases[i].text, cases[i].date);
        if (strcmp(got, cases[i].want) != 0) {
            print_message("%s (%d)\n  want [%s]\n   got [%s]\n",
                          cases[i].text, cases[i].date, cases[i].want, got);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

#define NCASES(a) (sizeof(a) / sizeof *(a))

/* ---- countries ------------------------------------------------------------ */

static void test_countries(void **state)
{
    (void)state;
    static const acase cases[] = {
        /* names, from the generated file */
        {"Kenya accused Somalia of violating the truce.", 20240101,
         "KEN SOM"},
        {"Kazakhstan and Uzbekistan signed a water deal.", 20240101,
         "KAZ UZB"},
        {"Burkina Faso expelled three French diplomats.", 20240101,
         "BFA FRAGOV"},
        {"Guinea-Bissau and Cote d'Ivoire signed an accord.", 20240101,
         "GNB CIV"},
        {"Côte d'Ivoire recalled the Ivorian ambassador.", 20240101,
         "CIV CIVGOV"},
        {"Saint Lucia and St. Kitts and Nevis held talks.", 20240101,
         "LCA KNA"},
        {"Papua New Guinea thanked Australia.", 20240101, "PNG AUS"},
        {"Equatorial Guinea criticised Cameroon.", 20240101, "GNQ CMR"},
        {"The Democratic Republic of the Congo accused Rwanda.", 20240101,
         "COD RWA"},
        {"North Korea fired a missile toward South Korea.", 20240101,
         "PRK KOR"},
        /* demonyms */
        {"Nigerian troops clashed with Chadian soldiers.", 20240101,
         "NGAMIL TCDMIL"},
        {"Filipino fishermen accused the Chinese coast guard.", 20240101,
         "PHL CHNMIL"},
        {"Emirati officials met Omani diplomats.", 20240101,
         "AREGOV OMNGOV"},
        {"Nigerien authorities detained a Beninese journalist.", 20240101,
         "NERGOV BENMED"},
        /* capitals as metonyms, generated and ours */
        {"Baghdad announced the formation of a committee.", 20240105,
         "IRQGOV"},
        {"Washington said it would respond.", 20240105, "USAGOV"},
        {"Nairobi and Addis Ababa traded accusations.", 20240101,
         "KENGOV ETHGOV"},
        {"Ankara condemned Stockholm.", 20240101, "TURGOV SWEGOV"},
        {"The Kremlin rejected the proposal.", 20240101, "RUSGOV"},
        {"The White House criticised Beijing.", 20240101, "USAGOV CHNGOV"},
        {"Downing Street welcomed the deal.", 20240101, "GBRGOV"},
        {"The Pentagon said it struck the site.", 20240101, "USAMIL"},
        {"Brussels warned Budapest.", 20240101, "IGOEUR HUNGOV"},
        /* short forms and news names */
        {"Britain and the Emirates signed a deal.", 20240101, "GBR ARE"},
        {"The US and the UAE held talks.", 20240101, "USA ARE"},
        {"The U.S. sanctioned Iran.", 20240101, "USA IRN"},
        {"Turkiye summoned the Dutch envoy.", 20240101, "TUR NLDGOV"},
        /* the Kurdistan Region and the Kurds */
        {"Erbil rejected Baghdad's decision.", 20240101, "IRQKRDGOV IRQGOV"},
        {"A Kurdish politician criticised the government.", 20240101,
         "IRQKRDELI"},
        {"Syrian Kurdish forces clashed with Turkish troops.", 20240101,
         "SYRKRDMIL TURMIL"},
    };
    check_actors(cases, NCASES(cases));
}

/* Short names that are also words, and how each is handled. */
static void test_ambiguous_names(void **state)
{
    (void)state;
    static const acase cases[] = {
        /* the country, by default */
        {"Chad closed its border with Sudan.", 20240101, "TCD SDN"},
        {"Jordan condemned the raid.", 20240101, "JOR"},
        {"Georgia accused Russia.", 20240101, "GEO RUS"},
        {"Turkey shelled PKK positions.", 20240101, "TUR TURREBPKK"},
        {"Guinea recalled its ambassador.", 20240101, "GIN"},
        {"China warned Taiwan.", 20240101, "CHN TWN"},
        {"Niger expelled the French ambassador.", 20240101, "NER FRAGOV"},
        /* the longer phrases that are not the country */
        {"Farmers in the Jordan Valley protested.", 20240101, ""},
        {"Israel accused Jordan River smugglers.", 20240101, "ISR"},
        {"The Georgia governor met Chinese officials.", 20240101,
         "CHNGOV"},
        {"Vietnam protested Chinese ships in the South China Sea.",
         20240101, "VNM CHN"},
        {"The Gulf of Guinea saw more piracy.", 20240101, ""},
        {"Officials in New Mexico met a Mexican delegation.", 20240101,
         "MEXGOV"},
        /* "us" the pronoun, "US" + a role */
        {"They will not frighten us, the minister said.", 20240101, ""},
        {"US forces struck the site.", 20240101, "USAMIL"},
        {"US officials met Iraqi officials.", 20240101, "USAGOV IRQGOV"},
        /* Congo: the DRC unless the text says the Republic */
        {"Congo accused Rwanda.", 20240101, "COD RWA"},
        {"The Republic of Congo thanked China.", 20240101, "COG CHN"},
        /* capitals that are words or names code nothing */
        {"Male prisoners were moved to Victoria.", 20240101, ""},
        {"Santiago Pena met Lula.", 20240101, "BRAGOV"},
        /* Jerusalem is a place */
        {"Jerusalem rejected the plan.", 20240101, ""},
        /* Sanaa: the government's until Sept 2014, then the Houthis' */
        {"Sanaa accused Riyadh.", 20100101, "YEMGOV SAUGOV"},
        {"Sanaa accused Riyadh.", 20240101, "YEMHTIGOV SAUGOV"},
    };
    check_actors(cases, NCASES(cases));
}

/* ---- organisations and groups ------------------------------------------------ */

static void test_igos(void **state)
{
    (void)state;
    static const acase cases[] = {
        {"The UN Security Council condemned the attack.", 20240101,
         "IGOUNO"},
        {"UNAMI called for restraint.", 20240101, "IGOUNO"},
        {"The UN refugee agency warned of a crisis.", 20240101,
         "IGOUNOHCR"},
        {"UNICEF and the World Food Programme appealed for aid.", 20240101,
         "IGOUNOCEF IGOUNOWFP"},
        {"The World Health Organization praised Iraq.", 20240101,
         "IGOUNOWHO IRQ"},
        {"The IAEA criticised Iran.", 20240101, "IGOUNOIAE IRN"},
        {"The International Criminal Court charged him.", 20240101,
         "IGOICC"},
        {"NATO and the European Union warned Moscow.", 20240101,
         "IGONAT IGOEUR RUSGOV"},
        {"The African Union and the Arab League met.", 20240101,
         "IGOAFU IGOARL"},
        {"The GCC and OPEC issued statements.", 20240101, "IGOGCC IGOOPC"},
        {"The IMF and the World Bank lent Egypt money.", 20240101,
         "IGOIMF IGOWBK EGY"},
        {"The international coalition struck ISIS.", 20240101,
         "USAMIL IMGSUNISI"},
        {"The Saudi-led coalition struck Sanaa.", 20240101,
         "SAUMIL YEMHTIGOV"},
        {"The Red Cross and Amnesty International criticised Israel.",
         20240101, "NGOICR NGOAMN ISR"},
        {"Doctors Without Borders and Human Rights Watch warned.",
         20240101, "NGOMSF NGOHRW"},
        /* agents compose on IGOs */
        {"NATO forces and EU foreign ministers met.", 20240101,
         "IGONATMIL IGOEUR"},
        {"A UN official and a Red Cross official arrived.", 20240101,
         "IGOUNO NGOICR"},
        /* a UN chief by date */
        {"Guterres met Zelensky.", 20240101, "IGOUNO UKRGOV"},
        {"Guterres met Zelensky.", 20000101, "PRTGOV UKRELI"},
    };
    check_actors(cases, NCASES(cases));
}

static void test_groups(void **state)
{
    (void)state;
    static const acase cases[] = {
        {"ISIS and al-Qaeda claimed the attacks.", 20240101,
         "IMGSUNISI IMGSUNALQ"},
        {"Daesh attacked the army.", 20240101, "IMGSUNISI"},
        {"Hezbollah fired rockets at Israel.", 20240101, "LBNHEZ ISR"},
        {"Hamas and Islamic Jihad rejected the offer.", 20240101,
         "PSEHMS PSEPIJ"},
        {"The Houthis attacked a ship.", 20240101, "YEMHTI"},
        {"The PKK and the YPG denied it.", 20240101, "TURREBPKK SYRKRDMIL"},
        {"The SDF arrested ISIS suspects.", 20240101, "SYRSDF IMGSUNISI"},
        {"Hayat Tahrir al-Sham took Aleppo.", 20241130, "SYRHTS"},
        {"The Popular Mobilization Forces denied it.", 20240101, "IRQPMF"},
        {"Al-Nujaba and Kata'ib Hezbollah threatened US forces.", 20240101,
         "IRQPMFNUJ IRQPMFKTH USAMIL"},
        {"Asaib Ahl al-Haq and Kataib Sayyid al-Shuhada met.", 20240101,
         "IRQPMFAAH IRQPMFKSS"},
        {"The Peshmerga and the Taliban were mentioned.", 20240101,
         "IRQKRDMIL AFGTAL"},
        {"Al-Shabaab and Boko Haram attacked villages.", 20240101,
         "SOMSHB NGABKH"},
        {"Wagner and the RSF were accused.", 20240101, "RUSWAG SDNRSF"},
        /* agents on groups: GOV has no role to yield to */
        {"A Hezbollah official denied it.", 20240101, "LBNHEZGOV"},
        {"Houthi forces fired a missile.", 20240101, "YEMHTIMIL"},
        {"A Nujaba commander was killed.", 20240101, "IRQPMFNUJMIL"},
        /* al-Sharaa: HTS, then Syria's leader */
        {"Ahmed al-Sharaa met Erdogan.", 20240101, "SYRHTS TURGOV"},
        {"Ahmed al-Sharaa met Erdogan.", 20250301, "SYRGOV TURGOV"},
    };
    check_actors(cases, NCASES(cases));
}

/* ---- people, by story date -------------------------------------------------- */

static void test_dated_people(void **state)
{
    (void)state;
    static const acase cases[] = {
        /* before, during and after office */
        {"Sudani met Blinken.", 20210101, "IRQELI USAELI"},
        {"Sudani met Blinken.", 20240101, "IRQGOV USAGOV"},
        {"Kadhimi met Blinken.", 20240101, "IRQELI USAGOV"},
        {"Kadhimi met Pompeo.", 20200801, "IRQGOV USAGOV"},
        {"Kadhimi met Pompeo.", 20180101, "IRQSPY USASPY"},
        {"Biden met Netanyahu.", 20150101, "USAGOV ISRGOV"},
        {"Biden met Netanyahu.", 20220101, "USAGOV ISROPP"},
        {"Biden met Netanyahu.", 20250601, "USAELI ISRGOV"},
        {"Trump met Erdogan.", 20230101, "USAELI TURGOV"},
        {"Trump met Erdogan.", 20250601, "USAGOV TURGOV"},
        {"Erdogan met Putin.", 20000101, "TURELI RUSGOV"},
        {"Raisi met Assad.", 20230101, "IRNGOV SYRGOV"},
        {"Raisi met Assad.", 20200101, "IRNJUD SYRGOV"},
        {"Pezeshkian met al-Sharaa.", 20250301, "IRNGOV SYRGOV"},
        {"Assad criticised the new government.", 20250101, "SYRELI"},
        /* shared surnames by date */
        {"Aoun met Hochstein.", 20180101, "LBNGOV USAELI"},
        {"Aoun met Hochstein.", 20240101, "LBNMIL USAGOV"},
        {"Aoun met Barrack.", 20250601, "LBNGOV"},
        {"King Abdullah met Sisi.", 20100101, "EGYMIL"},
        {"King Abdullah met Sisi.", 20200101, "JORGOV EGYGOV"},
        {"Bush met Blair.", 20050101, "USAGOV GBRGOV"},
        {"Bush met Blair.", 19950101, "USAELI GBRELI"},
        /* people of the G20 */
        {"Xi Jinping met Modi and Lula.", 20240101,
         "CHNGOV INDGOV BRAGOV"},
        {"Scholz met Merz.", 20250601, "DEUELI DEUGOV"},
        {"Sunak met Starmer.", 20230101, "GBRGOV GBROPP"},
        {"Kishida met Yoon Suk Yeol.", 20230101, "JPNGOV KORGOV"},
    };
    check_actors(cases, NCASES(cases));
}

/* ---- agents ---------------------------------------------------------------------- */

static void test_agents(void **state)
{
    (void)state;
    static const acase cases[] = {
        {"The Iraqi Prime Minister met his Iranian counterpart.", 20240101,
         "IRQGOV IRNGOV"},
        {"Iraqi police arrested three men.", 20240101, "IRQCOP"},
        {"Turkish warplanes struck Kurdish villages.", 20240101,
         "TURMIL IRQKRD"},
        {"Iranian state media reported the strike.", 20240101, "IRNMED"},
        {"Syrian rebels and Russian mercenaries clashed.", 20240101,
         "SYRREB RUSUAF"},
        {"Lebanese protesters and Iraqi students marched.", 20240101,
         "LBNCVL IRQEDU"},
        {"Egyptian judges and Jordanian lawmakers met.", 20240101,
         "EGYJUD JORLEG"},
        {"Afghan refugees and Sudanese doctors arrived.", 20240101,
         "AFGREF SDNHLH"},
        {"Kenyan youth and Iraqi clerics and Kuwaiti businessmen met.",
         20240101, "KENCVL IRQREL KWTBUS"},
        {"Iraqi clerics and Kuwaiti businessmen met.", 20240101,
         "IRQREL KWTBUS"},
        {"Israeli intelligence and Saudi diplomats met.", 20240101,
         "ISRSPY SAUGOV"},
        {"The Iraqi opposition criticised the Iraqi parliament.", 20240101,
         "IRQOPP IRQLEG"},
        {"President Erdogan met Prime Minister Sudani.", 20240101,
         "TURGOV IRQGOV"},
        {"Former Prime Minister Kadhimi criticised the decision.", 20240101,
         "IRQELI"},
        /* side by side, one actor (ACTOR RULES) */
        {"Iraqi Prime Minister Mohammed Shia al-Sudani met Erdogan.",
         20240101, "IRQGOV TURGOV"},
        {"The U.S. State Department and the U.S. Treasury Department "
         "said it.", 20240101, "USAGOV USAGOV"},
        {"Lebanese Hezbollah and the Iraqi PMF warned Israel.", 20240101,
         "LBNHEZ IRQPMF ISR"},
        {"Kurdistan Region parliamentary elections were held.", 20240101,
         "IRQKRD"},
        /* GOV yields to a role (ACTOR RULES) */
        {"A Pentagon official confirmed the strike.", 20240101, "USAMIL"},
        {"A military official in the Pentagon explained it.", 20240101,
         "USAMIL"},
        {"An official in the Pentagon explained it.", 20240101, "USAMIL"},
        {"A Peshmerga official denied it.", 20240101, "IRQKRDMIL"},
        {"Iraqi government forces entered the town.", 20240101, "IRQMIL"},
        {"US military officials briefed reporters.", 20240101, "USAMIL"},
        {"Kurdish government officials met.", 20240101, "IRQKRDGOV"},
        /* places after IN and AT */
        {"Kurdish police arrested a suspect in Erbil.", 20240101,
         "IRQKRDCOP"},
        {"The talks in Baghdad ended.", 20240101, ""},
        {"Officials met at the White House.", 20240101, ""},
        {"An official in Baghdad denied it.", 20240101, "IRQGOV"},
        /* armed forces in a country are deployed there, not its own */
        {"The United States has 900 troops in Syria.", 20240101,
         "USA SYR"},
        {"Turkish forces in Iraq shelled villages.", 20240101,
         "TURMIL IRQ"},
        {"The ISIS gangs attacked the army.", 20240101, "IMGSUNISI"},
        {"The Zionist entity bombed an American military base.", 20240101,
         "ISR USAMIL"},
        /* PRO- and ANTI- */
        {"Pro-Iranian militias attacked a base.", 20240101, ""},
        {"Anti-American protesters gathered.", 20240101, ""},
        /* Iranian-backed: the militias, not Iran */
        {"Iranian-backed militias attacked US forces.", 20240101, "USAMIL"},
    };
    check_actors(cases, NCASES(cases));
}

/* The codes reach the events (the seed article's sentences). */
static void test_events(void **state)
{
    (void)state;
    assert_string_equal(
        events_of("Iran accused the United States of violating Iraqi "
                  "sovereignty.", 20240106),
        "IRN USA 112");
    assert_string_equal(
        events_of("Iraq condemned on Saturday the Turkish bombardment of "
                  "villages.", 20240106),
        "IRQ TUR 111");
    assert_string_equal(
        events_of("Kurdish police arrested a suspect in Erbil.", 20240101),
        "");
    assert_string_equal(events_of("The Kremlin condemned Kenya.", 20240101),
                        "RUSGOV KEN 111");
}

/* The bundled set loads without a warning, and the generated file is
 * there with every country. */
static void test_loads_clean(void **state)
{
    (void)state;
    size_t warnings = 0;
    kh_error err;
    kh_dict *d = kh_dict_load(KH_DICT_PATH, NULL, NULL, &err);
    assert_non_null(d);
    warnings = d->nwarnings;
    if (warnings)
        print_message("%zu warnings loading %s\n", warnings, KH_DICT_PATH);
    assert_int_equal(warnings, 0);
    /* every ISO country has an actor: count the distinct 3-letter codes */
    char seen[26 * 26 * 26] = {0};
    int countries = 0;
    for (size_t i = 0; i < d->ndcodes; i++) {
        const char *c = kh_dict_str_text(d, d->dcodes[i].code);
        if (strlen(c) != 3 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' ||
            c[1] > 'Z' || c[2] < 'A' || c[2] > 'Z')
            continue;
        int k = ((c[0] - 'A') * 26 + (c[1] - 'A')) * 26 + (c[2] - 'A');
        if (!seen[k]++)
            countries++;
    }
    print_message("# score actors: %zu actors, %d country codes\n",
                  d->nactors, countries);
    assert_true(countries >= 249);
    kh_dict_free(d);
}

/* <INCLUDE> in an .actors file: relative to the including file, errors
 * that name both files, loops stopped, never from memory. */
static void test_include(void **state)
{
    (void)state;
    char dir[] = "/tmp/kh_actors_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char a[300], b[300], c[300], p[300], sub[300];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(a, sizeof a, "%s/a.actors", dir);
    snprintf(b, sizeof b, "%s/sub/b.actors", dir);
    snprintf(c, sizeof c, "%s/loop.actors", dir);
    snprintf(p, sizeof p, "%s/t.project", dir);
    const char *ta = "ARNOR_ [ARN]\n<INCLUDE> sub/b.actors\n"
                     "+ARNORIAN_\n~FINISH\n";
    const char *tb = "GONDOR_ [GON]\n";
    const char *tc = "ROHAN_ [ROH]\n<INCLUDE> loop.actors\n";
    const char *tp = "<actorsfile> a.actors\n";
    assert_int_equal(tu_write_file(a, ta, strlen(ta)), 0);
    assert_int_equal(tu_write_file(b, tb, strlen(tb)), 0);
    assert_int_equal(tu_write_file(c, tc, strlen(tc)), 0);
    assert_int_equal(tu_write_file(p, tp, strlen(tp)), 0);
    kh_error err;
    kh_dict *d = kh_dict_load(p, NULL, NULL, &err);
    assert_non_null(d);
    /* two actors, ARNOR and GONDOR: the include closed ARNOR's group, so
     * the synonym after it has no actor (one warning) */
    assert_int_equal(d->nactors, 2);
    assert_int_equal(d->nwarnings, 1);
    kh_dict_free(d);
    /* a loop stops with a warning, not a crash */
    d = kh_dict_load(c, NULL, NULL, &err);
    assert_non_null(d);
    assert_true(d->nwarnings >= 1);
    kh_dict_free(d);
    /* a missing file is an error that names the including line */
    remove(b);
    d = kh_dict_load(p, NULL, NULL, &err);
    assert_null(d);
    assert_non_null(strstr(err.message, "included by"));
    assert_non_null(strstr(err.file, "b.actors"));
    /* from memory (the fuzz harness): a warning */
    d = kh_dict_create();
    assert_int_equal(kh_dict_read_tabari_mem(d, ta, strlen(ta), "actors",
                                             "mem", NULL, NULL, &err),
                     KH_OK);
    assert_true(d->nwarnings >= 1);
    kh_dict_destroy(d);
    remove(a);
    remove(c);
    remove(p);
    rmdir(sub);
    rmdir(dir);
}

/* The coder collects at most 256 candidate roots for one word
 * (classify.c): no first word may have more, or some would never be
 * tried.  The official names ("Republic of ...") and "US" + agents are
 * the largest lists; this keeps a margin below the limit. */
static void test_roots_per_word(void **state)
{
    (void)state;
    size_t most = 0;
    uint32_t worst = KH_NONE;
    for (size_t i = 0; i < bundled->nroots; i++) {
        const kh_root *r = &bundled->roots[i];
        uint32_t w = bundled->pels[r->words.first].arg;
        size_t n;
        kh_dict_roots_of(bundled, w, &n);
        if (n > most)
            most = n, worst = w;
    }
    size_t len = 0;
    const char *t = worst == KH_NONE ? "" : kh_dict_word_text(bundled, worst,
                                                              &len);
    print_message("# most roots for one first word: %zu (%.*s)\n", most,
                  (int)len, t);
    assert_true(most <= 240);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loads_clean),
        cmocka_unit_test(test_countries),
        cmocka_unit_test(test_ambiguous_names),
        cmocka_unit_test(test_igos),
        cmocka_unit_test(test_groups),
        cmocka_unit_test(test_dated_people),
        cmocka_unit_test(test_agents),
        cmocka_unit_test(test_events),
        cmocka_unit_test(test_include),
        cmocka_unit_test(test_roots_per_word),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
