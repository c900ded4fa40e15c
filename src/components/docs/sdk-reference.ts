/**
 * Reads the SDK's public declarations at build time — option interfaces and error classes with
 * their JSDoc — so the reference on the SDK page is the source's own documentation, never a copy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface DocumentedMember {
  name: string;
  type: string;
  doc: string;
  defaultValue: string | null;
}

function source(path: string): ts.SourceFile {
  // Relative to the project (builds run there): this module itself is bundled elsewhere.
  const file = join(process.cwd(), 'src/sdk', path);
  return ts.createSourceFile(path, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function jsDoc(node: ts.Node): { doc: string; defaultValue: string | null } {
  const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
  const comment = docs
    .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const tag = docs.flatMap((d) => d.tags ?? []).find((t) => t.tagName.text === 'default');
  return { doc: comment, defaultValue: tag ? (ts.getTextOfJSDocComment(tag.comment) ?? '').trim() : null };
}

/** The properties of an exported interface, e.g. `ClientOptions` in options.ts. */
export function interfaceMembers(path: string, name: string): DocumentedMember[] {
  const file = source(path);
  const declaration = file.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
  if (!declaration) throw new Error(`src/sdk/${path} has no interface ${name}.`);
  return declaration.members.filter(ts.isPropertySignature).map((member) => ({
    name: member.name.getText(file),
    type: member.type?.getText(file).replace(/\s*\|\s*undefined$/, '') ?? 'unknown',
    ...jsDoc(member),
  }));
}

/** The exported classes of a module with what they extend and their JSDoc summary. */
export function exportedClasses(path: string): Array<{ name: string; base: string | null; doc: string }> {
  const file = source(path);
  return file.statements
    .filter(
      (s): s is ts.ClassDeclaration =>
        ts.isClassDeclaration(s) && Boolean(s.name) && Boolean(s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)),
    )
    .map((declaration) => ({
      name: declaration.name!.text,
      base: declaration.heritageClauses?.[0]?.types[0]?.expression.getText(file) ?? null,
      doc: jsDoc(declaration).doc,
    }));
}
