/*
 * gen_corpus.c - writes a benchmark corpus of news articles as JSON Lines.
 *
 * usage: gen_corpus MEGABYTES OUT.jsonl [SAMPLES_DIR]
 *
 * Articles are made of the paragraphs of our sample articles
 * (data/samples/*.txt), drawn at random with a fixed seed, so the corpus is
 * the same bytes on every run and reads like the news Khaldun codes:
 * typographic quotes, abbreviations, numbers, transliterated names.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: gen_corpus MEGABYTES OUT.jsonl [SAMPLES]\n");
        return 2;
    }
    long mb = atol(argv[1]);
    const char *dir = argc > 3 ? argv[3] : "data/samples";
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return 1;
    }
    char *names[256];
    size_t nn = 0;
    struct dirent *e;
    while ((e = readdir(d)) && nn < 256) {
        size_t l = strlen(e->d_name);
        if (l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0)
            names[nn++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, nn, sizeof *names, cmp);
    /* Paragraphs: the body lines of every sample (no header, no URL). */
    char **paras = NULL;
    size_t np = 0, cap = 0;
    for (size_t i = 0; i < nn; i++) {
        char path[1024], line[65536];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        int first = 1;
        while (fgets(line, sizeof line, f)) {
            line[strcspn(line, "\r\n")] = '\0';
            int header = first && strstr(line, " \xE2\x80\x93 ") &&
                         strlen(line) < 80;
            first = 0;
            if (header || strlen(line) < 40 || strncmp(line, "http", 4) == 0)
                continue;
            if (np == cap)
                paras = realloc(paras, (cap = cap ? cap * 2 : 256) *
                                           sizeof *paras);
            paras[np++] = strdup(line);
        }
        fclose(f);
        free(names[i]);
    }
    if (!np) {
        fprintf(stderr, "gen_corpus: no paragraphs in %s\n", dir);
        return 1;
    }
    FILE *out = fopen(argv[2], "w");
    if (!out) {
        perror(argv[2]);
        return 1;
    }
    long long want = mb << 20;
    char text[1 << 17];
    for (long id = 1; ftell(out) < want; id++) {
        size_t k = 3 + next() % 10, n = 0;
        for (size_t j = 0; j < k; j++) {
            const char *p = paras[next() % np];
            size_t l = strlen(p);
            if (n + l + 2 >= sizeof text)
                break;
            memcpy(text + n, p, l);
            n += l;
            text[n++] = '\n';
        }
        text[n] = '\0';
        fprintf(out, "{\"id\":\"bench-%ld\",\"date\":\"2024-%02d-%02d\","
                "\"source\":\"Bench Wire\",\"text\":", id,
                (int)(1 + next() % 12), (int)(1 + next() % 28));
        json_str(out, text);
        fputs("}\n", out);
    }
    fclose(out);
    return 0;
}
