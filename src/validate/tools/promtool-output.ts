/**
 * Read `promtool check rules` and `amtool check-config` output back into problems per file,
 * rule group and rule, so each becomes a finding at the builder call of that rule.
 */

export interface ToolProblem {
  /** The file, as given on the command line (relative to out/). */
  file: string;
  /** Group name and 1-based rule index, when the tool names them. */
  group?: string;
  rule?: number;
  message: string;
}

const ruleLine = /^(\S+?): (?:\d+:\d+: )?(.*)$/;
const groupRule = /^group "((?:[^"\\]|\\.)*)", rule (\d+), /;

/** Problems of `promtool check rules <files>`: lines `file: [l:c: ]group "g", rule n, …: cause`. */
export function promtoolRuleProblems(output: string, files: string[]): ToolProblem[] {
  const problems: ToolProblem[] = [];
  for (const line of output.split('\n')) {
    const match = ruleLine.exec(line.trim());
    if (!match || !files.includes(match[1]!)) continue;
    const rest = match[2]!;
    const inGroup = groupRule.exec(rest);
    problems.push({
      file: match[1]!,
      ...(inGroup
        ? { group: JSON.parse(`"${inGroup[1]}"`) as string, rule: Number(inGroup[2]) }
        : {}),
      message: rest,
    });
  }
  return problems;
}

/**
 * Problems of `promtool check config` and `amtool check-config`: a `Checking <file>` line, then
 * `FAILED: cause` (same line for amtool, a later line for promtool).
 */
export function checkConfigProblems(output: string, files: string[]): ToolProblem[] {
  const problems: ToolProblem[] = [];
  let current = files.length === 1 ? files[0] : undefined;
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    const checking = /^Checking '?([^'\s]+)'?/.exec(line);
    if (checking && files.includes(checking[1]!)) current = checking[1];
    const failed = /FAILED: (.*)$/.exec(line);
    if (!failed) continue;
    const named = files.find((f) => failed[1]!.includes(f));
    const file = named ?? current;
    if (file) problems.push({ file, message: failed[1]! });
  }
  return problems;
}
