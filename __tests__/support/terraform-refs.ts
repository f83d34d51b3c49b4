import { TerraformJson } from "./synth";

/** Every `${type.name.attribute}` reference inside a string. */
export function terraformReferences(text: string): { type: string; name: string; attribute: string }[] {
  return [...text.matchAll(/\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)\}/g)].map(([, type, name, attribute]) => ({ type, name, attribute }));
}

/** True when a string is a reference to a resource the stack itself declares. */
export function refersToStackResource(json: TerraformJson, value: string, type?: string): boolean {
  const refs = terraformReferences(value);
  return refs.length > 0 && refs.every((ref) => (!type || ref.type === type) && json.resource[ref.type]?.[ref.name] !== undefined);
}
