// Workaround for prisma/orm#27403: @prisma/adapter-pg can't map Postgres catalog types
// (name=19, "char"=18, regproc=24, pg_node_tree=194, name[]=1003) that Prisma's wasm
// schema engine reads while introspecting. Report them as text / text[].
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const Result = require("pg/lib/result.js");
const MAP: Record<number, number> = { 18: 25, 19: 25, 24: 25, 194: 25, 1003: 1009 };
const orig = Result.prototype.addFields;
if (!orig.__nameFix) {
  Result.prototype.addFields = function (fields: { dataTypeID: number }[]) {
    for (const f of fields) {
      const mapped = MAP[f.dataTypeID];
      if (mapped) f.dataTypeID = mapped;
    }
    return orig.call(this, fields);
  };
  Result.prototype.addFields.__nameFix = true;
}
