import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// normalizeText folds katakana to hiragana, so a pattern written with katakana that is matched
// against normalised text never matches: «エラー» in a regular expression looks for a word the
// text no longer has. Every pattern of the escalation classifier and the sentiment lexicon runs on
// normalised text, so katakana in their sources must go through foldKana — directly, through a
// helper that calls it (`ja`, `japanese`), or as a shared fragment only such calls use. The test
// reads the sources, because the patterns that slipped through were private constants.

const katakana = /[\u30a1-\u30f6]/u;

/** Names of the functions that fold their argument: foldKana and the file's helpers that call it. */
function foldingFunctions(source: ts.SourceFile): Set<string> {
  const names = new Set(['foldKana']);
  const callsFoldKana = (node: ts.Node): boolean =>
    (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'foldKana') ||
    (ts.forEachChild(node, callsFoldKana) ?? false);
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) && node.name !== undefined && callsFoldKana(node))
      names.add(node.name.text);
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer !== undefined &&
      (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer)) &&
      callsFoldKana(node.initializer)
    )
      names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** The katakana pattern texts of a source file that reach a regular expression unfolded, with their lines. */
function unfoldedKatakana(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const folding = foldingFunctions(source);
  const references = new Map<string, ts.Identifier[]>();
  const collect = (node: ts.Node) => {
    if (ts.isIdentifier(node) && !(ts.isVariableDeclaration(node.parent) && node.parent.name === node)) {
      references.set(node.text, [...(references.get(node.text) ?? []), node]);
    }
    ts.forEachChild(node, collect);
  };
  collect(source);

  // Folded when a call of a folding function encloses the node, or when the node builds a constant
  // of this file (not exported) that is used, and only used, in folded places.
  const isFolded = (node: ts.Node, seen: Set<string>): boolean => {
    for (let parent = node.parent; parent !== undefined; parent = parent.parent) {
      if (
        (ts.isCallExpression(parent) || ts.isNewExpression(parent)) &&
        ts.isIdentifier(parent.expression) &&
        folding.has(parent.expression.text)
      )
        return true;
      if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
        const name = parent.name.text;
        const statement = parent.parent.parent;
        const exported =
          ts.isVariableStatement(statement) &&
          (statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false);
        const uses = references.get(name) ?? [];
        if (exported || seen.has(name) || uses.length === 0) return false;
        return uses.every((use) => isFolded(use, new Set([...seen, name])));
      }
      if (ts.isFunctionLike(parent)) return false;
    }
    return false;
  };

  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const patternText =
      node.kind === ts.SyntaxKind.RegularExpressionLiteral ||
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node);
    if (patternText && katakana.test(node.getText(source)) && !isFolded(node, new Set())) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const words = node.getText(source).match(/[\u30a1-\u30f6][\u30a1-\u30fc]*/gu) ?? [];
      found.push(`${fileName}:${line} ${words.join(' ')}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('katakana in patterns over normalised text', () => {
  it('finds an unfolded pattern, and accepts one folded directly, through a helper or as a shared fragment', () => {
    expect(unfoldedKatakana('a.ts', "const stuck = /だめ|エラー/u;\nstuck.test('x');")).toEqual([
      'a.ts:1 エラー',
    ]);
    expect(
      unfoldedKatakana('a.ts', 'export const stuck = new RegExp(foldKana(/エラー/u.source), "u");'),
    ).toEqual([]);
    const helper = [
      "const ja = (source: RegExp) => new RegExp(foldKana(source.source), 'u');",
      'const shared = /キャンセル/u;',
      'const rules = [ja(/ダメ/u), ja(shared)];',
    ].join('\n');
    expect(unfoldedKatakana('a.ts', helper)).toEqual([]);
    // A shared fragment used once unfolded is reported, and so is an exported one (its uses are elsewhere).
    expect(unfoldedKatakana('a.ts', `${helper}\nconst raw = new RegExp(shared.source, 'u');`)).toEqual([
      'a.ts:2 キャンセル',
    ]);
    expect(
      unfoldedKatakana('a.ts', "export const policy = /ポリシー/u;\nconst folded = foldKana('ポリシー');"),
    ).toEqual(['a.ts:1 ポリシー']);
  });

  it.each(['escalation', 'sentiment'])('has none in src/%s', (directory) => {
    const folder = new URL(`../${directory}/`, import.meta.url);
    const found = readdirSync(folder)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .flatMap((name) => unfoldedKatakana(name, readFileSync(new URL(name, folder), 'utf8')));
    expect(found).toEqual([]);
  });
});
