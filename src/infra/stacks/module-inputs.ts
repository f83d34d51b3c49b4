import { MODULE_VARIABLES, variableValue } from "../module/module-variables";
import { settingForRegion } from "../module/module-example";
import { ProxySettings } from "../settings/defaults";

/**
 * The module's input variables for one region, from the parsed settings: every variable the settings give a value,
 * per-region settings (signals, network) resolved for the region. Values the settings leave unset (null) are left
 * out, so the module's own default applies.
 */
export function moduleInputs(settings: ProxySettings, region: string): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const variable of MODULE_VARIABLES) {
    const value = variableValue(variable.setting, settingForRegion(settings, variable.setting, region));
    if (value !== null && value !== undefined) inputs[variable.name] = value;
  }
  return inputs;
}
