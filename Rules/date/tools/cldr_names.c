/*
 * cldr_names.c - dump Arabic month and weekday names from CLDR via the
 * system ICU, as TSV for Rules/date/tools/make_lexicons.py.
 *
 * Compile:  gcc cldr_names.c -licui18n -licuuc -o cldr_names
 * Run:      ./cldr_names > names.tsv      (the rows described below)
 *           ./cldr_names -v               (prints "ICU x.y, CLDR a.b" and exits)
 *
 * For the bare locale "ar" and every available locale whose language is
 * "ar" (uloc_countAvailable/uloc_getAvailable) it opens a date formatter
 * with the calendar forced:
 *   @calendar=gregorian         -> months (format/stand-alone, wide/abbreviated)
 *                                  and weekdays (format/stand-alone, wide)
 *   @calendar=islamic-umalqura  -> Hijri months
 *   @calendar=islamic           -> Hijri months
 * (ar_SA defaults to Umm al-Qura, hence the explicit calendar keyword.)
 *
 * Output rows (UTF-8, tab-separated, no header):
 *   kind<TAB>number<TAB>name<TAB>locale
 * kind   = gregorian-month | hijri-month | weekday
 * number = month 1..12, or weekday 1=Sunday .. 7=Saturday (UCAL_SUNDAY=1)
 * locale = the ICU locale id without the calendar keyword
 *
 * CLDR data is used under the Unicode License v3.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/udat.h>
#include <unicode/ucal.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>
#include <unicode/ulocdata.h>

static int failures = 0;

static UDateFormat *open_fmt(const char *loc, const char *cal) {
    char id[ULOC_FULLNAME_CAPACITY + 64];
    UErrorCode st = U_ZERO_ERROR;
    UDateFormat *f;
    snprintf(id, sizeof id, "%s@calendar=%s", loc, cal);
    f = udat_open(UDAT_NONE, UDAT_FULL, id, NULL, 0, NULL, 0, &st);
    if (U_FAILURE(st)) {
        fprintf(stderr, "udat_open(%s): %s\n", id, u_errorName(st));
        failures++;
        return NULL;
    }
    return f;
}

static void emit(UDateFormat *f, UDateFormatSymbolType type, int first,
                 int count, int number_base, const char *kind, const char *loc) {
    int i;
    for (i = 0; i < count; i++) {
        UChar buf[256];
        char out[1024];
        UErrorCode st = U_ZERO_ERROR;
        int32_t n = udat_getSymbols(f, type, first + i, buf, 256, &st);
        if (U_FAILURE(st) || n <= 0) continue;
        st = U_ZERO_ERROR;
        u_strToUTF8(out, sizeof out, NULL, buf, n, &st);
        if (U_FAILURE(st)) { failures++; continue; }
        printf("%s\t%d\t%s\t%s\n", kind, number_base + i, out, loc);
    }
}

static void dump(const char *loc) {
    static const UDateFormatSymbolType month_types[] = {
        UDAT_MONTHS, UDAT_SHORT_MONTHS,
        UDAT_STANDALONE_MONTHS, UDAT_STANDALONE_SHORT_MONTHS };
    static const UDateFormatSymbolType day_types[] = {
        UDAT_WEEKDAYS, UDAT_STANDALONE_WEEKDAYS };
    static const char *hijri_cals[] = { "islamic-umalqura", "islamic" };
    size_t t, c;
    UDateFormat *f;

    if ((f = open_fmt(loc, "gregorian")) != NULL) {
        for (t = 0; t < sizeof month_types / sizeof *month_types; t++)
            emit(f, month_types[t], 0, 12, 1, "gregorian-month", loc);
        /* weekday symbols are indexed by UCalendarDaysOfWeek; index 0 is empty */
        for (t = 0; t < sizeof day_types / sizeof *day_types; t++)
            emit(f, day_types[t], UCAL_SUNDAY, 7, 1, "weekday", loc);
        udat_close(f);
    }
    for (c = 0; c < sizeof hijri_cals / sizeof *hijri_cals; c++) {
        if ((f = open_fmt(loc, hijri_cals[c])) == NULL) continue;
        for (t = 0; t < sizeof month_types / sizeof *month_types; t++)
            emit(f, month_types[t], 0, 12, 1, "hijri-month", loc);
        udat_close(f);
    }
}

static int print_version(void) {
    UVersionInfo icu, cldr;
    char a[U_MAX_VERSION_STRING_LENGTH], b[U_MAX_VERSION_STRING_LENGTH];
    UErrorCode st = U_ZERO_ERROR;
    u_getVersion(icu);
    ulocdata_getCLDRVersion(cldr, &st);
    if (U_FAILURE(st)) {
        fprintf(stderr, "ulocdata_getCLDRVersion: %s\n", u_errorName(st));
        return 1;
    }
    u_versionToString(icu, a);
    u_versionToString(cldr, b);
    printf("ICU %s, CLDR %s\n", a, b);
    return 0;
}

int main(int argc, char **argv) {
    int32_t i, n = uloc_countAvailable();
    int saw_bare = 0;
    if (argc > 1 && strcmp(argv[1], "-v") == 0) return print_version();
    if (argc > 1) {
        fprintf(stderr, "usage: %s [-v]\n", argv[0]);
        return 2;
    }
    for (i = 0; i < n; i++) {
        const char *loc = uloc_getAvailable(i);
        char lang[ULOC_LANG_CAPACITY];
        UErrorCode st = U_ZERO_ERROR;
        uloc_getLanguage(loc, lang, sizeof lang, &st);
        if (U_FAILURE(st) || strcmp(lang, "ar") != 0) continue;
        if (strcmp(loc, "ar") == 0) saw_bare = 1;
        dump(loc);
    }
    if (!saw_bare) dump("ar");
    return failures ? 1 : 0;
}
