// Boots the .NET WebAssembly runtime with the rules and hands their exports to the quick log (ADR 0021).
import { dotnet } from './_framework/dotnet.js';

const runtime = await dotnet.withApplicationArguments().create();
const config = runtime.getConfig();
const exports = await runtime.getAssemblyExports(config.mainAssemblyName);

/** The rules: assess(requestJson) → card model JSON; assessMany(arrayJson) → array JSON; ruleSetVersion(). */
export const rules = {
  assess: (request) => exports.LegCrampCare.Rules.Browser.RulesExports.Assess(request),
  assessMany: (requests) => exports.LegCrampCare.Rules.Browser.RulesExports.AssessMany(requests),
  ruleSetVersion: () => exports.LegCrampCare.Rules.Browser.RulesExports.RuleSetVersion(),
};
