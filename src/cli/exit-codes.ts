/** Exit codes of every command, documented in `--help`. */
export const EXIT_OK = 0;
/** Validation errors, a mismatch or drift found by `check`, a weaker change with `diff --fail-on weaker`. */
export const EXIT_FINDINGS = 1;
/** Bad usage, an input file that cannot be read or parsed, or an internal error: no verdict. */
export const EXIT_INPUT_ERROR = 2;

export const EXIT_CODES_HELP = `Exit codes:
  0  success: the baseline is valid, machines agree, nothing got weaker
  1  findings: validation errors, a mismatch or drift, or a weaker change with --fail-on weaker
  2  no verdict: a usage error, an input file that cannot be read or parsed (file and line
     are printed), or an internal error`;
