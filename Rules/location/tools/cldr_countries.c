/*
 * cldr_countries.c — dump Arabic display names of countries, territories and
 * CLDR macro-regions from the system ICU (CLDR data), for the Wasim gazetteer.
 *
 * Output (UTF-8, one record a line, tab-separated):
 *   country<TAB>XX<TAB>LOCALE<TAB>STYLE<TAB>NAME
 *   region<TAB>NNN<TAB>LOCALE<TAB>STYLE<TAB>NAME
 * where LOCALE is the display locale (ar, ar_MA, ar_EG, ar_SA, ar_LB),
 * STYLE is "full" (uloc_getDisplayCountry), "short" (uldn, UDISPCTX_LENGTH_SHORT)
 * or "variant" (CLDR alt="variant" names, read from the ICU region bundle's
 * "Countries%variant" table).
 *
 * Build and run:
 *   cc -O2 -o cldr_countries cldr_countries.c $(pkg-config --cflags --libs icu-uc icu-i18n)
 *   ./cldr_countries > cldr_raw.tsv
 */
#include <stdio.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/uldnames.h>
#include <unicode/ulocdata.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

static const char *LOCALES[] = {"ar", "ar_MA", "ar_EG", "ar_SA", "ar_LB"};
#define NLOC (sizeof LOCALES / sizeof LOCALES[0])

/* UN M.49 macro-regions that CLDR names */
static const char *REGIONS[] = {
    "001", "002", "003", "005", "009", "011", "013", "014", "015", "017",
    "018", "019", "021", "029", "030", "034", "035", "039", "053", "054",
    "057", "061", "142", "143", "145", "150", "151", "154", "155", "202",
    "419", "EU", "EZ", "UN", "QO"};
#define NREG (sizeof REGIONS / sizeof REGIONS[0])

static void print_u(const UChar *s, int32_t len) {
    char buf[1024];
    int32_t outlen = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strToUTF8(buf, sizeof buf, &outlen, s, len, &st);
    if (U_FAILURE(st)) { fputs("?", stdout); return; }
    fwrite(buf, 1, (size_t)outlen, stdout);
}

static void emit(const char *kind, const char *code) {
    char tag[32];
    snprintf(tag, sizeof tag, "und_%s", code);
    for (size_t l = 0; l < NLOC; l++) {
        UChar name[256];
        UErrorCode st = U_ZERO_ERROR;
        int32_t n = uloc_getDisplayCountry(tag, LOCALES[l], name, 256, &st);
        /* ICU falls back to the code itself when it has no name */
        if (U_SUCCESS(st) && st != U_USING_DEFAULT_WARNING && n > 0) {
            printf("%s\t%s\t%s\tfull\t", kind, code, LOCALES[l]);
            print_u(name, n);
            putchar('\n');
        }
        UDisplayContext ctx[] = {UDISPCTX_LENGTH_SHORT};
        st = U_ZERO_ERROR;
        ULocaleDisplayNames *ldn = uldn_openForContext(LOCALES[l], ctx, 1, &st);
        if (U_FAILURE(st)) continue;
        st = U_ZERO_ERROR;
        n = uldn_regionDisplayName(ldn, code, name, 256, &st);
        if (U_SUCCESS(st) && n > 0) {
            printf("%s\t%s\t%s\tshort\t", kind, code, LOCALES[l]);
            print_u(name, n);
            putchar('\n');
        }
        uldn_close(ldn);
    }
}

/* CLDR alt="variant" names (e.g. CI كوت ديفوار, CZ جمهورية التشيك) */
static void emit_variants(void) {
    for (size_t l = 0; l < NLOC; l++) {
        UErrorCode st = U_ZERO_ERROR;
        UResourceBundle *rb = ures_open(U_ICUDATA_NAME "-region", LOCALES[l], &st);
        if (U_FAILURE(st)) continue;
        UResourceBundle *tab = ures_getByKey(rb, "Countries%variant", NULL, &st);
        if (U_SUCCESS(st)) {
            while (ures_hasNext(tab)) {
                const char *key = NULL;
                int32_t len = 0;
                UErrorCode s2 = U_ZERO_ERROR;
                const UChar *u = ures_getNextString(tab, &len, &key, &s2);
                if (U_FAILURE(s2) || key == NULL) continue;
                int digit = key[0] >= '0' && key[0] <= '9';
                printf("%s\t%s\t%s\tvariant\t", digit ? "region" : "country", key, LOCALES[l]);
                print_u(u, len);
                putchar('\n');
            }
        }
        ures_close(tab);
        ures_close(rb);
    }
}

int main(void) {
    UVersionInfo v;
    char vs[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(v);
    u_versionToString(v, vs);
    printf("# ICU %s\n", vs);
    UErrorCode cst = U_ZERO_ERROR;
    UVersionInfo cv;
    ulocdata_getCLDRVersion(cv, &cst);
    if (U_SUCCESS(cst)) {
        u_versionToString(cv, vs);
        printf("# CLDR %s\n", vs);
    }
    const char *const *countries = uloc_getISOCountries();
    for (int i = 0; countries[i] != NULL; i++) emit("country", countries[i]);
    for (size_t r = 0; r < NREG; r++) emit("region", REGIONS[r]);
    emit_variants();
    return 0;
}
