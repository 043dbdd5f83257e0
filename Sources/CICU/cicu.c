/* Implementation of the thin ICU boundary declared in include/cicu.h. */
#include "cicu.h"

#include <unicode/ucal.h>
#include <unicode/uregex.h>
#include <unicode/uchar.h>
#include <unicode/utypes.h>

struct cicu_regex { URegularExpression *re; };

#define AS_RE(r) ((URegularExpression *)(void *)(r))
#define AS_HANDLE(re) ((cicu_regex *)(void *)(re))

int cicu_failed(int32_t status) { return U_FAILURE((UErrorCode)status) ? 1 : 0; }

const char *cicu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

int32_t cicu_status_time_out(void) { return U_REGEX_TIME_OUT; }

int32_t cicu_status_stack_overflow(void) { return U_REGEX_STACK_OVERFLOW; }

cicu_regex *cicu_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags,
                            int32_t *status, int32_t *error_line, int32_t *error_offset) {
    UErrorCode st = U_ZERO_ERROR;
    UParseError pe;
    pe.line = 0;
    pe.offset = 0;
    URegularExpression *re = uregex_open((const UChar *)pattern, length, flags, &pe, &st);
    *status = st;
    *error_line = pe.line;
    *error_offset = pe.offset;
    if (U_FAILURE(st)) {
        if (re) uregex_close(re);
        return 0;
    }
    return AS_HANDLE(re);
}

cicu_regex *cicu_regex_clone(const cicu_regex *regex, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    URegularExpression *re = uregex_clone(AS_RE(regex), &st);
    *status = st;
    return U_FAILURE(st) ? 0 : AS_HANDLE(re);
}

void cicu_regex_close(cicu_regex *regex) {
    if (regex) uregex_close(AS_RE(regex));
}

void cicu_regex_set_time_limit(cicu_regex *regex, int32_t limit, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    uregex_setTimeLimit(AS_RE(regex), limit, &st);
    *status = st;
}

void cicu_regex_set_stack_limit(cicu_regex *regex, int32_t limit, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    uregex_setStackLimit(AS_RE(regex), limit, &st);
    *status = st;
}

void cicu_regex_set_text(cicu_regex *regex, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    uregex_setText(AS_RE(regex), (const UChar *)text, length, &st);
    *status = st;
}

int cicu_regex_find_next(cicu_regex *regex, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    UBool found = uregex_findNext(AS_RE(regex), &st);
    *status = st;
    return (U_SUCCESS(st) && found) ? 1 : 0;
}

int cicu_regex_looking_at(cicu_regex *regex, int32_t start, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    UBool found = uregex_lookingAt(AS_RE(regex), start, &st);
    *status = st;
    return (U_SUCCESS(st) && found) ? 1 : 0;
}

int32_t cicu_regex_start(cicu_regex *regex, int32_t group, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t v = uregex_start(AS_RE(regex), group, &st);
    *status = st;
    return v;
}

int32_t cicu_regex_end(cicu_regex *regex, int32_t group, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t v = uregex_end(AS_RE(regex), group, &st);
    *status = st;
    return v;
}

int32_t cicu_regex_group_count(cicu_regex *regex, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t v = uregex_groupCount(AS_RE(regex), &st);
    *status = st;
    return v;
}

int32_t cicu_regex_group_number(cicu_regex *regex, const char *name, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t v = uregex_groupNumberFromCName(AS_RE(regex), name, -1, &st);
    *status = st;
    return U_FAILURE(st) ? -1 : v;
}

int cicu_hijri_to_gregorian(int32_t year, int32_t month, int32_t day,
                            int32_t *g_year, int32_t *g_month, int32_t *g_day) {
    UErrorCode st = U_ZERO_ERROR;
    UCalendar *hijri = ucal_open((const UChar *)u"UTC", -1, "ar@calendar=islamic-umalqura", UCAL_DEFAULT, &st);
    if (U_FAILURE(st)) return 0;
    ucal_clear(hijri);
    ucal_setDate(hijri, year, month - 1, day, &st);
    UDate instant = ucal_getMillis(hijri, &st);
    ucal_close(hijri);
    if (U_FAILURE(st)) return 0;
    UCalendar *greg = ucal_open((const UChar *)u"UTC", -1, "en@calendar=gregorian", UCAL_GREGORIAN, &st);
    if (U_FAILURE(st)) return 0;
    /* A pure Gregorian calendar for all dates (no Julian switch-over). */
    ucal_setGregorianChange(greg, -8.64e15, &st);
    st = U_ZERO_ERROR;
    ucal_setMillis(greg, instant, &st);
    *g_year = ucal_get(greg, UCAL_EXTENDED_YEAR, &st);
    *g_month = ucal_get(greg, UCAL_MONTH, &st) + 1;
    *g_day = ucal_get(greg, UCAL_DATE, &st);
    ucal_close(greg);
    return U_SUCCESS(st) ? 1 : 0;
}

int cicu_is_word(int32_t c) {
    /* ICU's regex \w: [\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u200c\u200d]. */
    if (c == 0x200C || c == 0x200D) return 1;
    if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) return 1;
    int8_t type = u_charType(c);
    return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK ||
           type == U_DECIMAL_DIGIT_NUMBER || type == U_CONNECTOR_PUNCTUATION;
}

int cicu_is_space(int32_t c) {
    /* ICU's regex \s: [\t\n\f\r\p{Z}]. */
    if (c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D) return 1;
    int8_t type = u_charType(c);
    return type == U_SPACE_SEPARATOR || type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR;
}
