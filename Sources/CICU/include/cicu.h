/*
 * The thin C boundary between Wasim and the system ICU.
 *
 * Only plain C types and one opaque handle cross it: Swift never sees ICU's own headers
 * (Foundation ships its own ICU whose declarations clash with the system ones).
 * Strings are UTF-16 code units, offsets are UTF-16 indices, status codes are ICU's
 * UErrorCode values passed as int32_t.
 */
#ifndef WASIM_CICU_H
#define WASIM_CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** An opened ICU regular expression (a URegularExpression). */
typedef struct cicu_regex cicu_regex;

/** Flags for cicu_regex_open (the same bits as ICU's URegexpFlag). */
enum {
    CICU_REGEX_CASE_INSENSITIVE = 2,
    CICU_REGEX_COMMENTS = 4,
    CICU_REGEX_DOTALL = 32,
    CICU_REGEX_MULTILINE = 8,
    CICU_REGEX_UWORD = 256
};

/** True when the status is a failure (warnings such as U_USING_DEFAULT_WARNING are not). */
int cicu_failed(int32_t status);

/** ICU's symbolic name for a status, e.g. "U_REGEX_TIME_OUT". */
const char *cicu_error_name(int32_t status);

/** ICU's status for a regex time-out, so callers can recognise it. */
int32_t cicu_status_time_out(void);

/** ICU's status for a regex stack overflow. */
int32_t cicu_status_stack_overflow(void);

/**
 * Compiles a pattern. On failure returns NULL, sets *status, and sets *error_line and
 * *error_offset to ICU's parse error position (1-based line, code-point offset in the line).
 */
cicu_regex *cicu_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags,
                            int32_t *status, int32_t *error_line, int32_t *error_offset);

/** A copy sharing the compiled pattern, with its own match state (for another thread). */
cicu_regex *cicu_regex_clone(const cicu_regex *regex, int32_t *status);

/** Frees a regex. */
void cicu_regex_close(cicu_regex *regex);

/** Sets the match time limit (ICU's units: about a millisecond's work each; 0 = none). */
void cicu_regex_set_time_limit(cicu_regex *regex, int32_t limit, int32_t *status);

/** Sets the backtracking stack limit in bytes (0 = none). */
void cicu_regex_set_stack_limit(cicu_regex *regex, int32_t limit, int32_t *status);

/** Sets the subject text. ICU does not copy it: the buffer must outlive the matching. */
void cicu_regex_set_text(cicu_regex *regex, const uint16_t *text, int32_t length, int32_t *status);

/** Finds the next match; returns 1 when one was found. */
int cicu_regex_find_next(cicu_regex *regex, int32_t *status);

/** Tries one match starting exactly at `start` (lookbehind sees the text before it), resetting
    the matcher; 1 when found. */
int cicu_regex_looking_at(cicu_regex *regex, int32_t start, int32_t *status);

/** Start of a capture group of the last match (group 0 is the whole match; -1 if unset). */
int32_t cicu_regex_start(cicu_regex *regex, int32_t group, int32_t *status);

/** End of a capture group of the last match (-1 if unset). */
int32_t cicu_regex_end(cicu_regex *regex, int32_t group, int32_t *status);

/** Number of capture groups in the pattern. */
int32_t cicu_regex_group_count(cicu_regex *regex, int32_t *status);

/** Number of the group with this ASCII name, or -1. */
int32_t cicu_regex_group_number(cicu_regex *regex, const char *name, int32_t *status);

/**
 * Converts a date of the Umm al-Qura Hijri calendar (month 1-12) to the proleptic
 * Gregorian calendar. Returns 1 on success.
 */
int cicu_hijri_to_gregorian(int32_t year, int32_t month, int32_t day,
                            int32_t *g_year, int32_t *g_month, int32_t *g_day);

#ifdef __cplusplus
}
#endif

/** 1 when a code point is in ICU's regex \w (the system ICU's Unicode version). */
int cicu_is_word(int32_t c);

/** 1 when a code point is in ICU's regex \s. */
int cicu_is_space(int32_t c);

#endif
