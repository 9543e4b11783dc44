/** Responses tool definitions ⇄ IR tools (function, custom/freeform, namespaces; built-ins are dropped with a warning). */
import { invalid } from "../../errors/index.js";
import type { IRTool, IRToolChoice } from "../../ir/types.js";
import { arr, isObj, type Obj, optStr, str } from "../internal/guards.js";

export function toolsToIR(list: unknown, where: string, warnings: string[], namespace?: string): IRTool[] {
  const out: IRTool[] = [];
  arr(list, where).forEach((raw, i) => {
    const at = `${where}[${i}]`;
    if (!isObj(raw)) throw invalid(`${at} must be a tool object`);
    const type = raw.type;
    if (type === "function") {
      const t: IRTool = { kind: "function", name: str(raw.name, `${at}.name`) };
      const description = optStr(raw.description);
      if (description !== undefined) t.description = description;
      if (isObj(raw.parameters)) t.parameters = raw.parameters;
      if (typeof raw.strict === "boolean") t.strict = raw.strict;
      if (namespace) t.namespace = namespace;
      out.push(t);
    } else if (type === "custom") {
      const t: IRTool = { kind: "custom", name: str(raw.name, `${at}.name`) };
      const description = optStr(raw.description);
      if (description !== undefined) t.description = description;
      if (raw.format !== undefined) t.format = raw.format;
      if (namespace) t.namespace = namespace;
      out.push(t);
    } else if (type === "namespace") {
      const ns = str(raw.name, `${at}.name`);
      out.push(...toolsToIR(raw.tools ?? [], `${at}.tools`, warnings, ns));
    } else {
      warnings.push(`Responses built-in tool "${String(type)}" is not supported across formats; dropped`);
    }
  });
  return out;
}

export function toolsFromIR(tools: IRTool[]): Obj[] {
  const out: Obj[] = [];
  const namespaces = new Map<string, Obj[]>();
  for (const t of tools) {
    const body: Obj =
      t.kind === "custom"
        ? {
            type: "custom",
            name: t.name,
            ...(t.description !== undefined && { description: t.description }),
            ...(t.format !== undefined && { format: t.format }),
          }
        : {
            type: "function",
            name: t.name,
            ...(t.description !== undefined && { description: t.description }),
            parameters: t.parameters ?? { type: "object", properties: {} },
            strict: t.strict ?? false,
          };
    if (t.namespace) {
      let group = namespaces.get(t.namespace);
      if (!group) {
        group = [];
        namespaces.set(t.namespace, group);
        out.push({ type: "namespace", name: t.namespace, description: "", tools: group });
      }
      group.push(body);
    } else out.push(body);
  }
  return out;
}

export function toolChoiceToIR(v: unknown): IRToolChoice | undefined {
  if (v === "auto" || v === "none" || v === "required") return { type: v };
  if (isObj(v) && (v.type === "function" || v.type === "custom") && typeof v.name === "string") {
    return { type: "tool", name: v.name };
  }
  if (isObj(v)) return { type: "auto" };
  return undefined;
}

export function toolChoiceFromIR(c: IRToolChoice, tools: IRTool[]): unknown {
  if (c.type !== "tool") return c.type;
  const t = tools.find((x) => x.name === c.name);
  return { type: t?.kind === "custom" ? "custom" : "function", name: c.name };
}
