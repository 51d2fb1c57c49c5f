import ts from 'typescript';
import { readFileSync } from 'node:fs';
const keys = new Map();
for (const file of process.argv.slice(2)) {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const visit = (n) => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 't' && n.arguments[0] && (ts.isStringLiteral(n.arguments[0]) || ts.isNoSubstitutionTemplateLiteral(n.arguments[0]))) {
      const k = n.arguments[0].text; if (!keys.has(k)) keys.set(k, file);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
}
console.log(JSON.stringify(Object.fromEntries(keys), null, 1));
