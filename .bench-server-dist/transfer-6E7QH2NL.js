import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import "./chunk-5MBQVIM5.js";
import "./chunk-ISN7HRKI.js";
import {
  withStack
} from "./chunk-VIWFRVFD.js";
import {
  opt,
  splitList
} from "./chunk-FT56ESOA.js";
import {
  CliError,
  Output,
  printJson,
  reporting
} from "./chunk-3G4U7EKN.js";
import {
  Alma,
  Count,
  Embedder,
  MAX_METADATA_BYTES,
  MAX_TASK_LENGTH,
  MAX_TEXT_LENGTH,
  Memory,
  MemoryCache,
  MemoryKind,
  Name,
  Storage,
  decodeInput,
  idPrefix,
  ownerOf
} from "./chunk-7HY5L3DF.js";
import "./chunk-HNHJBYPG.js";
import {
  Array_exports,
  Console_exports,
  DateTime_exports,
  Effect_exports,
  Either_exports,
  Fiber_exports,
  FileSystem_exports,
  Option_exports,
  ParseResult_exports,
  Path_exports,
  Schedule_exports,
  Schema_exports,
  ValidationError
} from "./chunk-S5EEIEDT.js";

// src/transfer/JsonlFormat.ts
var FORMAT = "alma-memory-jsonl";
var VERSION = 1;
var EmbeddingInfo = class extends Schema_exports.Class("EmbeddingInfo")({
  model: Schema_exports.String.pipe(Schema_exports.minLength(1, { message: () => "must not be empty" })),
  dimensions: Schema_exports.Number.pipe(Schema_exports.int(), Schema_exports.positive({ message: () => "must be a positive integer" }))
}) {
};
var Header = class extends Schema_exports.Class("JsonlHeader")({
  format: Schema_exports.Literal(FORMAT),
  version: Schema_exports.Literal(VERSION),
  projectId: Name,
  exportedAt: Schema_exports.DateTimeUtc,
  embedding: Schema_exports.NullOr(EmbeddingInfo),
  count: Count
}) {
};
var RejectedLine = class extends Schema_exports.Class("RejectedLine")({
  line: Schema_exports.Number.pipe(Schema_exports.int(), Schema_exports.positive()),
  field: Schema_exports.String,
  reason: Schema_exports.String
}) {
};
var ImportReport = class extends Schema_exports.Class("ImportReport")({
  projectId: Schema_exports.String,
  imported: Count,
  reembedded: Schema_exports.Boolean,
  rejected: Schema_exports.Array(RejectedLine)
}) {
};

// src/transfer/JsonlParse.ts
var MAX_REASON_LENGTH = 240;
var headerHint = `the first line must be the header {"format":"${FORMAT}","version":${VERSION},\u2026}`;
var decodeJson = Schema_exports.decodeUnknownEither(Schema_exports.parseJson());
var decodeMemory = Schema_exports.decodeUnknownEither(Memory, { errors: "all", onExcessProperty: "error" });
var decodeHeader = Schema_exports.decodeUnknownEither(Header, { errors: "all", onExcessProperty: "error" });
var decodeVector = Schema_exports.decodeUnknownEither(
  Schema_exports.Array(Schema_exports.Number.pipe(Schema_exports.finite({ message: () => "must be a finite number" })))
);
var fieldOf = (line, path) => path === void 0 || path.length === 0 ? `line ${line}` : `line ${line}: ${path.map(String).join(".")}`;
var clip = (reason) => reason.length <= MAX_REASON_LENGTH ? reason : `${reason.slice(0, MAX_REASON_LENGTH - 1)}\u2026`;
var reject = (line, path, reason) => RejectedLine.make({ line, field: fieldOf(line, path), reason: clip(reason) });
var firstIssue = (line, error) => {
  const issue = ParseResult_exports.ArrayFormatter.formatErrorSync(error)[0];
  if (issue === void 0) return reject(line, void 0, "is invalid");
  const reason = issue._tag === "Missing" ? "is required" : issue._tag === "Unexpected" ? "is not an allowed field" : issue.message;
  return reject(line, issue.path, reason);
};
var isRecord = (u) => typeof u === "object" && u !== null && !Array.isArray(u);
var checkLimits = (line, fields) => {
  for (const [key, value] of Object.entries(fields)) {
    const max = key === "task" ? MAX_TASK_LENGTH : MAX_TEXT_LENGTH;
    if (typeof value === "string" && value.length > max) return reject(line, [key], `must be at most ${max} characters`);
  }
  const size = Buffer.byteLength(JSON.stringify(fields.metadata ?? {}));
  return size > MAX_METADATA_BYTES ? reject(line, ["metadata"], `must be at most ${MAX_METADATA_BYTES} bytes as JSON (got ${size})`) : void 0;
};
var checkEmbedding = (line, value, header) => {
  if (value === void 0) return Either_exports.right(void 0);
  if (header.embedding === null) {
    return Either_exports.left(
      reject(line, ["embedding"], "is not allowed when the header's embedding is null (declare its model and dimensions)")
    );
  }
  const dimensions = header.embedding.dimensions;
  return Either_exports.gen(function* () {
    const numbers = yield* Either_exports.mapLeft(
      decodeVector(value),
      () => reject(line, ["embedding"], "must be an array of finite numbers")
    );
    if (numbers.length !== dimensions) {
      return yield* Either_exports.left(
        reject(line, ["embedding"], `must have ${dimensions} numbers (the header's dimensions), got ${numbers.length}`)
      );
    }
    return Float32Array.from(numbers);
  });
};
var checkLine = (text, line, header, projectId) => Either_exports.gen(function* () {
  const json = yield* Either_exports.mapLeft(decodeJson(text), () => reject(line, void 0, "is not valid JSON"));
  if (!isRecord(json)) return yield* Either_exports.left(reject(line, void 0, "must be a JSON object (one memory)"));
  const { embedding, ...fields } = json;
  const decoded = yield* Either_exports.mapLeft(decodeMemory(fields), (error) => firstIssue(line, error));
  const prefix = `${idPrefix[decoded.kind]}_`;
  if (!decoded.id.startsWith(prefix)) {
    return yield* Either_exports.left(reject(line, ["id"], `must start with "${prefix}" for a ${decoded.kind}`));
  }
  const tooLong = checkLimits(line, fields);
  if (tooLong !== void 0) return yield* Either_exports.left(tooLong);
  const vector = yield* checkEmbedding(line, embedding, header);
  const memory = yield* Either_exports.mapLeft(decodeMemory({ ...fields, projectId }), (error) => firstIssue(line, error));
  return { line, memory, embedding: vector };
});
var checkHeader = (text, line) => {
  const fail = (path, reason) => Either_exports.left(new ValidationError({ field: fieldOf(line, path), reason: clip(reason) }));
  const json = decodeJson(text);
  if (Either_exports.isLeft(json)) return fail(void 0, `is not valid JSON; ${headerHint}`);
  const value = json.right;
  if (!isRecord(value) || value.format !== FORMAT) {
    return fail(isRecord(value) ? ["format"] : void 0, `is not an ALMA JSONL header; ${headerHint}`);
  }
  if (value.version !== VERSION) {
    return fail(
      ["version"],
      `unsupported version ${String(value.version).slice(0, 20)}: this ALMA reads version ${VERSION} only (export again with a matching ALMA)`
    );
  }
  return Either_exports.mapLeft(decodeHeader(value), (error) => {
    const r = firstIssue(line, error);
    return new ValidationError({ field: r.field, reason: r.reason });
  });
};
var isBlank = (text) => text.trim().length === 0;
var parseFile = (text, projectId) => Either_exports.gen(function* () {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => !isBlank(l));
  if (headerIndex < 0) {
    return yield* Either_exports.left(new ValidationError({ field: "line 1", reason: `the file is empty; ${headerHint}` }));
  }
  const header = yield* checkHeader(lines[headerIndex], headerIndex + 1);
  const valid = [];
  const rejected = [];
  const seen = /* @__PURE__ */ new Map();
  let count = 0;
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const text2 = lines[i];
    if (isBlank(text2)) continue;
    count++;
    const checked = checkLine(text2, i + 1, header, projectId);
    if (Either_exports.isLeft(checked)) {
      rejected.push(checked.left);
      continue;
    }
    const first = seen.get(checked.right.memory.id);
    if (first !== void 0) {
      rejected.push(reject(i + 1, ["id"], `repeats the id of line ${first}`));
      continue;
    }
    seen.set(checked.right.memory.id, i + 1);
    valid.push(checked.right);
  }
  if (count !== header.count) {
    return yield* Either_exports.left(
      new ValidationError({
        field: fieldOf(headerIndex + 1, ["count"]),
        reason: `the header announces ${header.count} memories but the file has ${count} memory lines: the file is truncated or was edited; export it again or correct the count`
      })
    );
  }
  return { header, valid, rejected };
});
var rejectionError = (rejected) => {
  const [first, ...others] = rejected;
  if (first === void 0) return new ValidationError({ field: "input", reason: "no invalid line" });
  const shown = others.slice(0, 10).map((r) => r.line).join(", ");
  const more = others.length > 10 ? ", \u2026" : "";
  const tail = others.length === 0 ? "" : `; ${others.length} other line${others.length === 1 ? " is" : "s are"} invalid too (line${others.length === 1 ? "" : "s"} ${shown}${more})`;
  return new ValidationError({
    field: first.field,
    reason: `${first.reason}${tail}. Nothing was imported: fix the file, or import with skipInvalid to store the valid lines`
  });
};

// src/transfer/Jsonl.ts
var VECTOR_BATCH = 500;
var encodeJson = Schema_exports.encode(Schema_exports.parseJson());
var encodeHeader = Schema_exports.encode(Schema_exports.parseJson(Header));
var encodeMemory = Schema_exports.encode(Memory);
var vectorsOf = (storage, projectId, ids) => Effect_exports.reduce(Array_exports.chunksOf(ids, VECTOR_BATCH), /* @__PURE__ */ new Map(), (vectors, batch) => Effect_exports.map(storage.getMany(projectId, batch), (records) => {
  for (const r of records) vectors.set(r.memory.id, r.embedding);
  return vectors;
}));
var encodeLine = (memory, vector) => Effect_exports.flatMap(
  encodeMemory(memory),
  (encoded) => encodeJson(vector === void 0 ? encoded : { ...encoded, embedding: Array.from(vector) })
);
var exportJsonl = Effect_exports.fn("Jsonl.export")(function* (options = {}) {
  const alma = yield* Alma;
  const storage = yield* Storage;
  const embedder = yield* Embedder;
  const memories = yield* alma.exportMemories({ kinds: options.kinds, agent: options.agent });
  const withVectors = options.embeddings === true;
  yield* Effect_exports.annotateCurrentSpan({ "alma.count": memories.length, "alma.embeddings": withVectors });
  const vectors = withVectors ? yield* vectorsOf(storage, alma.projectId, memories.map((m) => m.id)) : /* @__PURE__ */ new Map();
  const header = Header.make({
    format: FORMAT,
    version: VERSION,
    projectId: alma.projectId,
    exportedAt: yield* DateTime_exports.now,
    embedding: withVectors ? EmbeddingInfo.make({ model: embedder.model, dimensions: embedder.dimensions }) : null,
    count: memories.length
  });
  const first = yield* Effect_exports.orDie(encodeHeader(header));
  const rest = yield* Effect_exports.orDie(Effect_exports.forEach(memories, (m) => encodeLine(m, vectors.get(m.id))));
  return [first, ...rest];
});
var importJsonl = Effect_exports.fn("Jsonl.import")(function* (text, options = {}) {
  const alma = yield* Alma;
  const storage = yield* Storage;
  const embedder = yield* Embedder;
  const cache = yield* MemoryCache;
  const projectId = alma.projectId;
  const { header, rejected, valid } = yield* parseFile(text, projectId);
  if (rejected.length > 0 && options.skipInvalid !== true) return yield* rejectionError(rejected);
  const records = valid.flatMap((l) => l.embedding === void 0 ? [] : [{ memory: l.memory, embedding: l.embedding }]);
  const sameEmbedder = header.embedding !== null && header.embedding.model === embedder.model && header.embedding.dimensions === embedder.dimensions;
  const reuse = sameEmbedder && records.length === valid.length;
  yield* Effect_exports.annotateCurrentSpan({
    "alma.count": valid.length,
    "alma.rejected": rejected.length,
    "alma.reembedded": !reuse
  });
  if (valid.length > 0) {
    if (reuse) {
      yield* storage.save(records);
      yield* cache.invalidate(projectId, [...new Set(valid.map((l) => ownerOf(l.memory)))]);
    } else {
      yield* alma.importMemories(valid.map((l) => l.memory));
    }
  }
  return ImportReport.make({ projectId, imported: valid.length, reembedded: valid.length > 0 && !reuse, rejected });
});

// src/cli/commands/transfer.ts
var ExportJson = Schema_exports.Struct({ out: Schema_exports.String, memories: Schema_exports.Number, embeddings: Schema_exports.Boolean });
var exportMemories = (o) => withStack(o.config, () => Effect_exports.gen(function* () {
  const fs = yield* FileSystem_exports.FileSystem;
  const path = yield* Path_exports.Path;
  const out = yield* Output;
  const { kinds } = yield* decodeInput(
    Schema_exports.Struct({ kinds: Schema_exports.optional(Schema_exports.Array(MemoryKind)) }),
    { kinds: splitList(o.kinds) }
  );
  const lines = yield* exportJsonl({ kinds, agent: opt(o.agent), embeddings: o.embeddings });
  const text = lines.join("\n") + "\n";
  if (Option_exports.isNone(o.out)) return yield* Console_exports.log(lines.join("\n"));
  const file = path.resolve(o.out.value);
  yield* fs.writeFileString(file, text).pipe(
    Effect_exports.mapError((e) => new CliError({ message: `cannot write ${file}: ${e.message}` }))
  );
  const memories = lines.length - 1;
  if (o.json) return yield* printJson(ExportJson, { out: file, memories, embeddings: o.embeddings });
  yield* Console_exports.error(
    `exported ${memories} ${memories === 1 ? "memory" : "memories"} to ${out.bold(o.out.value)}` + (o.embeddings ? " with their vectors" : "")
  );
})).pipe(reporting({ command: "export", json: o.json }));
var withStatus = (label, self) => Effect_exports.gen(function* () {
  const out = yield* Output;
  if (!out.progress) return yield* self;
  const line = out.progressLine(label, "s");
  const start = performance.now();
  const tick = Effect_exports.sync(() => line.update(Math.round((performance.now() - start) / 100) / 10, void 0));
  const ticker = yield* Effect_exports.fork(Effect_exports.repeat(tick, { schedule: Schedule_exports.spaced("200 millis") }));
  return yield* self.pipe(Effect_exports.ensuring(Effect_exports.zipRight(Fiber_exports.interrupt(ticker), Effect_exports.sync(line.done))));
});
var importMemories = (o) => withStack(o.config, () => Effect_exports.gen(function* () {
  const fs = yield* FileSystem_exports.FileSystem;
  const out = yield* Output;
  const text = yield* fs.readFileString(o.file).pipe(
    Effect_exports.mapError(
      (e) => new CliError({
        message: `cannot read ${o.file}: ${e.message}`,
        hint: "check the path; `alma export --out FILE` writes one"
      })
    )
  );
  const lines = text.split("\n").filter((l) => l.trim().length > 0).length;
  const report = yield* withStatus(
    `importing ${Math.max(0, lines - 1)} lines\u2026`,
    importJsonl(text, { skipInvalid: o.skipInvalid })
  );
  if (o.json) return yield* printJson(ImportReport, report);
  yield* Console_exports.log(
    `imported ${report.imported} ${report.imported === 1 ? "memory" : "memories"} into project ${report.projectId}` + (report.imported === 0 ? "" : report.reembedded ? " (re-embedded)" : " (vectors from the file)")
  );
  if (report.rejected.length > 0) {
    const n = report.rejected.length;
    yield* Console_exports.log(out.yellow(`skipped ${n} invalid line${n === 1 ? "" : "s"}:`));
    for (const r of report.rejected) {
      const field = r.field.replace(/^line \d+:?\s*/, "");
      yield* Console_exports.log(`  line ${r.line}: ${field.length > 0 ? `${field}: ` : ""}${r.reason}`);
    }
  }
})).pipe(reporting({ command: "import", json: o.json }));
export {
  ExportJson,
  exportMemories,
  importMemories
};
