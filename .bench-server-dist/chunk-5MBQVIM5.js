import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  BaseProto,
  Class,
  CurrentMemoMap,
  Defect,
  FileSystem,
  GenericTag,
  Literal,
  NodeInspectSymbol,
  ParentSpan,
  Path,
  Reference,
  Scope,
  Size,
  StreamTypeId,
  StructuralClass,
  Tag,
  TaggedError,
  TaggedError2,
  TypeIdError,
  __export,
  _await2 as _await,
  _void,
  acquireUseRelease2 as acquireUseRelease,
  all,
  andThen,
  append2 as append,
  appendAll2 as appendAll,
  as,
  bind,
  bindTo,
  buildWithMemoMap,
  cached2 as cached,
  catchAll,
  catchAllCause,
  catchIf,
  catchTag,
  catchTags,
  close,
  constFalse,
  constant,
  context,
  currentContext,
  decode,
  decodeUnknown2 as decodeUnknown,
  defaultRuntime,
  die2 as die,
  dual,
  effectDiscard,
  embedInput,
  empty,
  empty2,
  empty5 as empty3,
  encode,
  encodeText,
  ensuring,
  ensuring2,
  exit,
  extend,
  externalSpan,
  fail,
  fail3 as fail2,
  fail4 as fail3,
  failCause,
  failCause3 as failCause2,
  failCause4 as failCause3,
  flatMap3 as flatMap,
  flatMap4 as flatMap2,
  flatMap5 as flatMap3,
  fnUntraced,
  forEach,
  forEach2,
  format,
  fromChannel,
  fromIterable,
  fromIterable2,
  fromIterable5 as fromIterable3,
  fromReadableStream,
  gen,
  get,
  get4 as get2,
  getCurrentFiber,
  getOption,
  getOrDefault,
  getOrThrow,
  getOrThrowWith,
  getOrUndefined,
  globalValue,
  hasProperty,
  identity,
  interrupt2 as interrupt,
  interruptible,
  isContext,
  isEffect,
  isEmptyRecord,
  isEmptyType,
  isFinite,
  isInterruptType,
  isLeft,
  isNoSuchElementException,
  isNone,
  isOption,
  isParseError,
  isSome,
  join2 as join,
  left,
  locally,
  locallyScoped,
  log,
  make12 as make3,
  make13 as make4,
  make15 as make5,
  make16 as make6,
  make3 as make,
  make9 as make2,
  map,
  map2,
  map3,
  map5 as map4,
  map7 as map5,
  map8 as map6,
  mapError,
  mapError2,
  mapInputContext,
  match,
  matchCauseEffect,
  merge2 as merge,
  none,
  none2,
  onExit,
  orDie,
  orElse,
  pipe,
  pipeArguments,
  pipeThroughChannel,
  pipeTo,
  promise,
  provide2 as provide,
  provideContext,
  provideMerge,
  provideService,
  provideServiceEffect,
  raceFirst,
  readWithCause,
  redact,
  reduce3 as reduce,
  remove,
  right,
  run,
  run2,
  runForEach,
  runFork2 as runFork,
  runPromise,
  runSync,
  runtime,
  runtime3 as runtime2,
  scopedContext,
  scopedDiscard,
  scopedWith,
  seconds,
  sequential,
  set,
  set4 as set2,
  some,
  some3 as some2,
  stripSomeDefects,
  succeed3 as succeed,
  succeed4 as succeed2,
  succeed5 as succeed3,
  succeed6 as succeed4,
  succeedContext,
  suspend2 as suspend,
  symbolRedactable,
  sync,
  sync2,
  sync3,
  tagged,
  tap,
  timeoutFail,
  toReadableStreamRuntime,
  toReadonlyArray,
  toRuntime,
  toRuntimeWithMemoMap,
  toSeconds,
  tryMap,
  tryPromise,
  try_,
  unify,
  uninterruptible,
  unsafeDone,
  unsafeFromArray,
  unsafeGet2 as unsafeGet,
  unsafeMake,
  unsafeMake2,
  unsafeMake3,
  unsafeMakeLatch,
  unwrapEffect,
  update2 as update,
  useSpan,
  void_,
  void_2,
  withFiberRuntime,
  withParentSpan,
  write,
  zipRight,
  zipRight2
} from "./chunk-S5EEIEDT.js";

// node_modules/@effect/platform/dist/esm/Cookies.js
var TypeId = /* @__PURE__ */ Symbol.for("@effect/platform/Cookies");
var isCookies = (u) => hasProperty(u, TypeId);
var CookieTypeId = /* @__PURE__ */ Symbol.for("@effect/platform/Cookies/Cookie");
var ErrorTypeId = /* @__PURE__ */ Symbol.for("@effect/platform/Cookies/CookieError");
var CookiesError = class extends (/* @__PURE__ */ TypeIdError(ErrorTypeId, "CookieError")) {
  get message() {
    return this.reason;
  }
};
var Proto = {
  [TypeId]: TypeId,
  ...BaseProto,
  toJSON() {
    return {
      _id: "@effect/platform/Cookies",
      cookies: map3(this.cookies, (cookie) => cookie.toJSON())
    };
  },
  pipe() {
    return pipeArguments(this, arguments);
  }
};
var fromReadonlyRecord = (cookies) => {
  const self = Object.create(Proto);
  self.cookies = cookies;
  return self;
};
var fromIterable4 = (cookies) => {
  const record = {};
  for (const cookie of cookies) {
    record[cookie.name] = cookie;
  }
  return fromReadonlyRecord(record);
};
var fromSetCookie = (headers) => {
  const arrayHeaders = typeof headers === "string" ? [headers] : headers;
  const cookies = [];
  for (const header of arrayHeaders) {
    const cookie = parseSetCookie(header.trim());
    if (isSome(cookie)) {
      cookies.push(cookie.value);
    }
  }
  return fromIterable4(cookies);
};
function parseSetCookie(header) {
  const parts = header.split(";").map((_) => _.trim()).filter((_) => _ !== "");
  if (parts.length === 0) {
    return none();
  }
  const firstEqual = parts[0].indexOf("=");
  if (firstEqual === -1) {
    return none();
  }
  const name = parts[0].slice(0, firstEqual);
  if (!cookieNameRegExp.test(name)) {
    return none();
  }
  const valueEncoded = parts[0].slice(firstEqual + 1);
  const value = tryDecodeURIComponent(valueEncoded);
  if (parts.length === 1) {
    return some(Object.assign(Object.create(CookieProto), {
      name,
      value,
      valueEncoded
    }));
  }
  const options3 = {};
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i];
    const equalIndex = part.indexOf("=");
    const key = equalIndex === -1 ? part : part.slice(0, equalIndex).trim();
    const value2 = equalIndex === -1 ? void 0 : part.slice(equalIndex + 1).trim();
    switch (key.toLowerCase()) {
      case "domain": {
        if (value2 === void 0) {
          break;
        }
        const domain = value2.trim().replace(/^\./, "");
        if (domain) {
          options3.domain = domain;
        }
        break;
      }
      case "expires": {
        if (value2 === void 0) {
          break;
        }
        const date = new Date(value2);
        if (!isNaN(date.getTime())) {
          options3.expires = date;
        }
        break;
      }
      case "max-age": {
        if (value2 === void 0) {
          break;
        }
        const maxAge = parseInt(value2, 10);
        if (!isNaN(maxAge)) {
          options3.maxAge = seconds(maxAge);
        }
        break;
      }
      case "path": {
        if (value2 === void 0) {
          break;
        }
        if (value2[0] === "/") {
          options3.path = value2;
        }
        break;
      }
      case "priority": {
        if (value2 === void 0) {
          break;
        }
        switch (value2.toLowerCase()) {
          case "low":
            options3.priority = "low";
            break;
          case "medium":
            options3.priority = "medium";
            break;
          case "high":
            options3.priority = "high";
            break;
        }
        break;
      }
      case "httponly": {
        options3.httpOnly = true;
        break;
      }
      case "secure": {
        options3.secure = true;
        break;
      }
      case "partitioned": {
        options3.partitioned = true;
        break;
      }
      case "samesite": {
        if (value2 === void 0) {
          break;
        }
        switch (value2.toLowerCase()) {
          case "lax":
            options3.sameSite = "lax";
            break;
          case "strict":
            options3.sameSite = "strict";
            break;
          case "none":
            options3.sameSite = "none";
            break;
        }
        break;
      }
    }
  }
  return some(Object.assign(Object.create(CookieProto), {
    name,
    value,
    valueEncoded,
    options: Object.keys(options3).length > 0 ? options3 : void 0
  }));
}
var empty4 = /* @__PURE__ */ fromIterable4([]);
var isEmpty = (self) => isEmptyRecord(self.cookies);
var cookieValueRegExp = /^[\u0009\u0020-\u007e\u0080-\u00ff]+$/;
var cookieNameRegExp = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var cookieDomainRegExp = /^[\u0009\u0020-\u003a\u003c-\u007e\u0080-\u00ff]+$/;
var cookiePathRegExp = /^[\u0020-\u003a\u003c-\u007e]+$/;
var CookieProto = {
  [CookieTypeId]: CookieTypeId,
  ...BaseProto,
  toJSON() {
    return {
      _id: "@effect/platform/Cookies/Cookie",
      name: this.name,
      value: this.value,
      options: this.options
    };
  }
};
function makeCookie(name, value, options3) {
  if (!cookieNameRegExp.test(name)) {
    return left(new CookiesError({
      reason: "InvalidName"
    }));
  }
  const encodedValue = encodeURIComponent(value);
  if (encodedValue && !cookieValueRegExp.test(encodedValue)) {
    return left(new CookiesError({
      reason: "InvalidValue"
    }));
  }
  if (options3 !== void 0) {
    if (options3.domain !== void 0 && !cookieDomainRegExp.test(options3.domain)) {
      return left(new CookiesError({
        reason: "InvalidDomain"
      }));
    }
    if (options3.path !== void 0 && !cookiePathRegExp.test(options3.path)) {
      return left(new CookiesError({
        reason: "InvalidPath"
      }));
    }
    if (options3.maxAge !== void 0 && !isFinite(decode(options3.maxAge))) {
      return left(new CookiesError({
        reason: "InfinityMaxAge"
      }));
    }
  }
  return right(Object.assign(Object.create(CookieProto), {
    name,
    value,
    valueEncoded: encodedValue,
    options: options3
  }));
}
var unsafeMakeCookie = (name, value, options3) => getOrThrowWith(makeCookie(name, value, options3), identity);
var merge2 = /* @__PURE__ */ dual(2, (self, that) => fromReadonlyRecord({
  ...self.cookies,
  ...that.cookies
}));
var remove2 = /* @__PURE__ */ dual(2, (self, name) => fromReadonlyRecord(remove(self.cookies, name)));
var set3 = /* @__PURE__ */ dual((args) => isCookies(args[0]), (self, name, value, options3) => map(makeCookie(name, value, options3), (cookie) => fromReadonlyRecord(set(self.cookies, name, cookie))));
var unsafeSet = /* @__PURE__ */ dual((args) => isCookies(args[0]), (self, name, value, options3) => fromReadonlyRecord(set(self.cookies, name, unsafeMakeCookie(name, value, options3))));
var setAll = /* @__PURE__ */ dual(2, (self, cookies) => {
  const record = {
    ...self.cookies
  };
  for (const [name, value, options3] of cookies) {
    const either = makeCookie(name, value, options3);
    if (isLeft(either)) {
      return either;
    }
    record[name] = either.right;
  }
  return right(fromReadonlyRecord(record));
});
var unsafeSetAll = /* @__PURE__ */ dual(2, (self, cookies) => getOrThrowWith(setAll(self, cookies), identity));
function serializeCookie(self) {
  let str = self.name + "=" + self.valueEncoded;
  if (self.options === void 0) {
    return str;
  }
  const options3 = self.options;
  if (options3.maxAge !== void 0) {
    const maxAge = toSeconds(options3.maxAge);
    str += "; Max-Age=" + Math.trunc(maxAge);
  }
  if (options3.domain !== void 0) {
    str += "; Domain=" + options3.domain;
  }
  if (options3.path !== void 0) {
    str += "; Path=" + options3.path;
  }
  if (options3.priority !== void 0) {
    switch (options3.priority) {
      case "low":
        str += "; Priority=Low";
        break;
      case "medium":
        str += "; Priority=Medium";
        break;
      case "high":
        str += "; Priority=High";
        break;
    }
  }
  if (options3.expires !== void 0) {
    str += "; Expires=" + options3.expires.toUTCString();
  }
  if (options3.httpOnly) {
    str += "; HttpOnly";
  }
  if (options3.secure) {
    str += "; Secure";
  }
  if (options3.partitioned) {
    str += "; Partitioned";
  }
  if (options3.sameSite !== void 0) {
    switch (options3.sameSite) {
      case "lax":
        str += "; SameSite=Lax";
        break;
      case "strict":
        str += "; SameSite=Strict";
        break;
      case "none":
        str += "; SameSite=None";
        break;
    }
  }
  return str;
}
var toSetCookieHeaders = (self) => Object.values(self.cookies).map(serializeCookie);
function parseHeader(header) {
  const result = {};
  const strLen = header.length;
  let pos = 0;
  let terminatorPos = 0;
  while (true) {
    if (terminatorPos === strLen) break;
    terminatorPos = header.indexOf(";", pos);
    if (terminatorPos === -1) terminatorPos = strLen;
    let eqIdx = header.indexOf("=", pos);
    if (eqIdx === -1) break;
    if (eqIdx > terminatorPos) {
      pos = terminatorPos + 1;
      continue;
    }
    const key = header.substring(pos, eqIdx++).trim();
    if (result[key] === void 0) {
      const val = header.charCodeAt(eqIdx) === 34 ? header.substring(eqIdx + 1, terminatorPos - 1).trim() : header.substring(eqIdx, terminatorPos).trim();
      result[key] = !(val.indexOf("%") === -1) ? tryDecodeURIComponent(val) : val;
    }
    pos = terminatorPos + 1;
  }
  return result;
}
var tryDecodeURIComponent = (str) => {
  try {
    return decodeURIComponent(str);
  } catch {
    return str;
  }
};

// node_modules/@effect/platform/dist/esm/internal/etag.js
var GeneratorTypeId = /* @__PURE__ */ Symbol.for("@effect/platform/Etag/Generator");
var tag = /* @__PURE__ */ GenericTag("@effect/platform/Etag/Generator");
var toString = (self) => {
  switch (self._tag) {
    case "Weak":
      return `W/"${self.value}"`;
    case "Strong":
      return `"${self.value}"`;
  }
};
var fromFileInfo = (info) => {
  const mtime = info.mtime._tag === "Some" ? info.mtime.value.getTime().toString(16) : "0";
  return `${info.size.toString(16)}-${mtime}`;
};
var fromFileWeb = (file4) => {
  return `${file4.size.toString(16)}-${file4.lastModified.toString(16)}`;
};
var layer = /* @__PURE__ */ succeed2(tag, /* @__PURE__ */ tag.of({
  [GeneratorTypeId]: GeneratorTypeId,
  fromFileInfo(info) {
    return sync(() => ({
      _tag: "Strong",
      value: fromFileInfo(info)
    }));
  },
  fromFileWeb(file4) {
    return sync(() => ({
      _tag: "Strong",
      value: fromFileWeb(file4)
    }));
  }
}));
var layerWeak = /* @__PURE__ */ succeed2(tag, /* @__PURE__ */ tag.of({
  [GeneratorTypeId]: GeneratorTypeId,
  fromFileInfo(info) {
    return sync(() => ({
      _tag: "Weak",
      value: fromFileInfo(info)
    }));
  },
  fromFileWeb(file4) {
    return sync(() => ({
      _tag: "Weak",
      value: fromFileWeb(file4)
    }));
  }
}));

// node_modules/@effect/platform/dist/esm/Etag.js
var toString2 = toString;
var Generator = tag;
var layer2 = layer;
var layerWeak2 = layerWeak;

// node_modules/@effect/platform/dist/esm/Headers.js
var HeadersTypeId = /* @__PURE__ */ Symbol.for("@effect/platform/Headers");
var Proto2 = /* @__PURE__ */ Object.assign(/* @__PURE__ */ Object.create(null), {
  [HeadersTypeId]: HeadersTypeId,
  [symbolRedactable](fiberRefs) {
    return redact2(this, getOrDefault(fiberRefs, currentRedactedNames));
  }
});
var make7 = (input) => Object.assign(Object.create(Proto2), input);
var empty5 = /* @__PURE__ */ Object.create(Proto2);
var fromInput = (input) => {
  if (input === void 0) {
    return empty5;
  } else if (Symbol.iterator in input) {
    const out2 = Object.create(Proto2);
    for (const [k, v] of input) {
      out2[k.toLowerCase()] = v;
    }
    return out2;
  }
  const out = Object.create(Proto2);
  for (const [k, v] of Object.entries(input)) {
    if (Array.isArray(v)) {
      out[k.toLowerCase()] = v.join(", ");
    } else if (v !== void 0) {
      out[k.toLowerCase()] = v;
    }
  }
  return out;
};
var unsafeFromRecord = (input) => Object.setPrototypeOf(input, Proto2);
var set4 = /* @__PURE__ */ dual(3, (self, key, value) => {
  const out = make7(self);
  out[key.toLowerCase()] = value;
  return out;
});
var setAll2 = /* @__PURE__ */ dual(2, (self, headers) => make7({
  ...self,
  ...fromInput(headers)
}));
var merge3 = /* @__PURE__ */ dual(2, (self, headers) => {
  const out = make7(self);
  Object.assign(out, headers);
  return out;
});
var remove3 = /* @__PURE__ */ dual(2, (self, key) => {
  const out = make7(self);
  const modify = (key2) => {
    if (typeof key2 === "string") {
      const k = key2.toLowerCase();
      if (k in self) {
        delete out[k];
      }
    } else {
      for (const name in self) {
        if (key2.test(name)) {
          delete out[name];
        }
      }
    }
  };
  if (Array.isArray(key)) {
    for (let i = 0; i < key.length; i++) {
      modify(key[i]);
    }
  } else {
    modify(key);
  }
  return out;
});
var redact2 = /* @__PURE__ */ dual(2, (self, key) => {
  const out = {
    ...self
  };
  const modify = (key2) => {
    if (typeof key2 === "string") {
      const k = key2.toLowerCase();
      if (k in self) {
        out[k] = make4(self[k]);
      }
    } else {
      for (const name in self) {
        if (key2.test(name)) {
          out[name] = make4(self[name]);
        }
      }
    }
  };
  if (Array.isArray(key)) {
    for (let i = 0; i < key.length; i++) {
      modify(key[i]);
    }
  } else {
    modify(key);
  }
  return out;
});
var currentRedactedNames = /* @__PURE__ */ globalValue("@effect/platform/Headers/currentRedactedNames", () => unsafeMake3(["authorization", "cookie", "set-cookie", "x-api-key"]));

// node_modules/@effect/platform/dist/esm/UrlParams.js
var fromInput2 = (input) => {
  const parsed = fromInputNested(input);
  const out = [];
  for (let i = 0; i < parsed.length; i++) {
    if (Array.isArray(parsed[i][0])) {
      const [keys, value] = parsed[i];
      out.push([`${keys[0]}[${keys.slice(1).join("][")}]`, value]);
    } else {
      out.push(parsed[i]);
    }
  }
  return out;
};
var fromInputNested = (input) => {
  const entries = Symbol.iterator in input ? fromIterable(input) : Object.entries(input);
  const out = [];
  for (const [key, value] of entries) {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        if (value[i] !== void 0) {
          out.push([key, String(value[i])]);
        }
      }
    } else if (typeof value === "object") {
      const nested = fromInputNested(value);
      for (const [k, v] of nested) {
        out.push([[key, ...typeof k === "string" ? [k] : k], v]);
      }
    } else if (value !== void 0) {
      out.push([key, String(value)]);
    }
  }
  return out;
};
var toString3 = (self) => new URLSearchParams(self).toString();

// node_modules/@effect/platform/dist/esm/HttpIncomingMessage.js
var TypeId2 = /* @__PURE__ */ Symbol.for("@effect/platform/HttpIncomingMessage");
var MaxBodySize = class extends (/* @__PURE__ */ Reference()("@effect/platform/HttpIncomingMessage/MaxBodySize", {
  defaultValue: none
})) {
};
var withMaxBodySize = /* @__PURE__ */ dual(2, (effect2, size) => provideService(effect2, MaxBodySize, map2(size, Size)));
var inspect = (self, that) => {
  const contentType = self.headers["content-type"] ?? "";
  let body;
  if (contentType.includes("application/json")) {
    try {
      body = runSync(self.json);
    } catch {
    }
  } else if (contentType.includes("text/") || contentType.includes("urlencoded")) {
    try {
      body = runSync(self.text);
    } catch {
    }
  }
  const obj = {
    ...that,
    headers: redact(self.headers),
    remoteAddress: self.remoteAddress.toJSON()
  };
  if (body !== void 0) {
    obj.body = body;
  }
  return obj;
};

// node_modules/@effect/platform/dist/esm/HttpTraceContext.js
var fromHeaders = (headers) => {
  let span = w3c(headers);
  if (span._tag === "Some") {
    return span;
  }
  span = b3(headers);
  if (span._tag === "Some") {
    return span;
  }
  return xb3(headers);
};
var b3 = (headers) => {
  if (!("b3" in headers)) {
    return none();
  }
  const parts = headers["b3"].split("-");
  if (parts.length < 2) {
    return none();
  }
  return some(externalSpan({
    traceId: parts[0],
    spanId: parts[1],
    sampled: parts[2] ? parts[2] === "1" : true
  }));
};
var xb3 = (headers) => {
  if (!headers["x-b3-traceid"] || !headers["x-b3-spanid"]) {
    return none();
  }
  return some(externalSpan({
    traceId: headers["x-b3-traceid"],
    spanId: headers["x-b3-spanid"],
    sampled: headers["x-b3-sampled"] ? headers["x-b3-sampled"] === "1" : true
  }));
};
var w3cTraceId = /^[0-9a-f]{32}$/i;
var w3cSpanId = /^[0-9a-f]{16}$/i;
var w3c = (headers) => {
  if (!headers["traceparent"]) {
    return none();
  }
  const parts = headers["traceparent"].split("-");
  if (parts.length !== 4) {
    return none();
  }
  const [version, traceId, spanId, flags] = parts;
  switch (version) {
    case "00": {
      if (w3cTraceId.test(traceId) === false || w3cSpanId.test(spanId) === false) {
        return none();
      }
      return some(externalSpan({
        traceId,
        spanId,
        sampled: (parseInt(flags, 16) & 1) === 1
      }));
    }
    default: {
      return none();
    }
  }
};

// node_modules/@effect/platform/dist/esm/internal/httpBody.js
var TypeId3 = /* @__PURE__ */ Symbol.for("@effect/platform/HttpBody");
var ErrorTypeId2 = /* @__PURE__ */ Symbol.for("@effect/platform/HttpBody/HttpBodyError");
var bodyError = /* @__PURE__ */ tagged("HttpBodyError");
var HttpBodyError = (reason) => bodyError({
  [ErrorTypeId2]: ErrorTypeId2,
  reason
});
var BodyBase = class {
  [TypeId3];
  constructor() {
    this[TypeId3] = TypeId3;
  }
  [NodeInspectSymbol]() {
    return this.toJSON();
  }
  toString() {
    return format(this);
  }
};
var EmptyImpl = class extends BodyBase {
  _tag = "Empty";
  toJSON() {
    return {
      _id: "@effect/platform/HttpBody",
      _tag: "Empty"
    };
  }
};
var empty6 = /* @__PURE__ */ new EmptyImpl();
var RawImpl = class extends BodyBase {
  body;
  contentType;
  contentLength;
  _tag = "Raw";
  constructor(body, contentType, contentLength) {
    super();
    this.body = body;
    this.contentType = contentType;
    this.contentLength = contentLength;
  }
  toJSON() {
    return {
      _id: "@effect/platform/HttpBody",
      _tag: "Raw",
      body: this.body,
      contentType: this.contentType,
      contentLength: this.contentLength
    };
  }
};
var raw = (body, options3) => new RawImpl(body, options3?.contentType, options3?.contentLength);
var Uint8ArrayImpl = class extends BodyBase {
  body;
  contentType;
  _tag = "Uint8Array";
  constructor(body, contentType) {
    super();
    this.body = body;
    this.contentType = contentType;
  }
  get contentLength() {
    return this.body.length;
  }
  toJSON() {
    const toString4 = this.contentType.startsWith("text/") || this.contentType.endsWith("json");
    return {
      _id: "@effect/platform/HttpBody",
      _tag: "Uint8Array",
      body: toString4 ? new TextDecoder().decode(this.body) : `Uint8Array(${this.body.length})`,
      contentType: this.contentType,
      contentLength: this.contentLength
    };
  }
};
var uint8Array = (body, contentType) => new Uint8ArrayImpl(body, contentType ?? "application/octet-stream");
var encoder = /* @__PURE__ */ new TextEncoder();
var text = (body, contentType) => uint8Array(encoder.encode(body), contentType ?? "text/plain");
var unsafeJson = (body, contentType) => text(JSON.stringify(body), contentType ?? "application/json");
var json = (body, contentType) => try_({
  try: () => unsafeJson(body, contentType),
  catch: (error) => HttpBodyError({
    _tag: "JsonError",
    error
  })
});
var urlParams = (urlParams4, contentType) => text(toString3(urlParams4), contentType ?? "application/x-www-form-urlencoded");
var jsonSchema = (schema, options3) => {
  const encode2 = encode(schema, options3);
  return (body, contentType) => flatMap(mapError(encode2(body), (error) => HttpBodyError({
    _tag: "SchemaError",
    error
  })), (body2) => json(body2, contentType));
};
var FormDataImpl = class extends BodyBase {
  formData;
  _tag = "FormData";
  constructor(formData4) {
    super();
    this.formData = formData4;
  }
  toJSON() {
    return {
      _id: "@effect/platform/HttpBody",
      _tag: "FormData",
      formData: this.formData
    };
  }
};
var formData = (body) => new FormDataImpl(body);
var StreamImpl = class extends BodyBase {
  stream;
  contentType;
  contentLength;
  _tag = "Stream";
  constructor(stream6, contentType, contentLength) {
    super();
    this.stream = stream6;
    this.contentType = contentType;
    this.contentLength = contentLength;
  }
  toJSON() {
    return {
      _id: "@effect/platform/HttpBody",
      _tag: "Stream",
      contentType: this.contentType,
      contentLength: this.contentLength
    };
  }
};
var stream = (body, contentType, contentLength) => new StreamImpl(body, contentType ?? "application/octet-stream", contentLength);

// node_modules/@effect/platform/dist/esm/HttpBody.js
var stream2 = stream;

// node_modules/@effect/platform/dist/esm/HttpServerResponse.js
var HttpServerResponse_exports = {};
__export(HttpServerResponse_exports, {
  TypeId: () => TypeId5,
  empty: () => empty8,
  expireCookie: () => expireCookie2,
  file: () => file3,
  fileWeb: () => fileWeb3,
  formData: () => formData3,
  fromWeb: () => fromWeb,
  html: () => html2,
  htmlStream: () => htmlStream2,
  isServerResponse: () => isServerResponse2,
  json: () => json3,
  mergeCookies: () => mergeCookies2,
  raw: () => raw3,
  redirect: () => redirect2,
  removeCookie: () => removeCookie2,
  replaceCookies: () => replaceCookies2,
  schemaJson: () => schemaJson2,
  setBody: () => setBody2,
  setCookie: () => setCookie2,
  setCookies: () => setCookies2,
  setHeader: () => setHeader2,
  setHeaders: () => setHeaders2,
  setStatus: () => setStatus2,
  stream: () => stream5,
  text: () => text3,
  toWeb: () => toWeb2,
  uint8Array: () => uint8Array3,
  unsafeJson: () => unsafeJson3,
  unsafeSetCookie: () => unsafeSetCookie2,
  unsafeSetCookies: () => unsafeSetCookies2,
  updateCookies: () => updateCookies2,
  urlParams: () => urlParams3
});

// node_modules/@effect/platform/dist/esm/Template.js
function make8(strings, ...args) {
  const argsLength = args.length;
  const values = new Array(argsLength);
  const effects = [];
  for (let i = 0; i < argsLength; i++) {
    const arg = args[i];
    if (isOption(arg)) {
      values[i] = arg._tag === "Some" ? primitiveToString(arg.value) : "";
    } else if (isSuccess(arg)) {
      values[i] = primitiveToString(arg.effect_instruction_i0);
    } else if (isEffect(arg)) {
      effects.push([i, arg]);
    } else {
      values[i] = primitiveToString(arg);
    }
  }
  if (effects.length === 0) {
    return succeed(consolidate(strings, values));
  }
  return map5(forEach2(effects, ([index, effect2]) => tap(effect2, (value) => {
    values[index] = primitiveToString(value);
  }), {
    concurrency: "inherit",
    discard: true
  }), (_) => consolidate(strings, values));
}
function stream3(strings, ...args) {
  const chunks = [];
  let buffer = "";
  for (let i = 0, len = args.length; i < len; i++) {
    buffer += strings[i];
    const arg = args[i];
    if (isOption(arg)) {
      buffer += arg._tag === "Some" ? primitiveToString(arg.value) : "";
    } else if (isSuccess(arg)) {
      buffer += primitiveToString(arg.effect_instruction_i0);
    } else if (hasProperty(arg, StreamTypeId)) {
      if (buffer.length > 0) {
        chunks.push(buffer);
        buffer = "";
      }
      if (isEffect(arg)) {
        chunks.push(map5(arg, primitiveToString));
      } else {
        chunks.push(map6(arg, primitiveToString));
      }
    } else {
      buffer += primitiveToString(arg);
    }
  }
  buffer += strings[strings.length - 1];
  if (buffer.length > 0) {
    chunks.push(buffer);
    buffer = "";
  }
  return flatMap2(fromIterable3(chunks), (chunk) => typeof chunk === "string" ? succeed3(chunk) : chunk, {
    concurrency: "unbounded"
  });
}
function primitiveToString(value) {
  if (Array.isArray(value)) {
    return value.map(primitiveToString).join("");
  }
  switch (typeof value) {
    case "string": {
      return value;
    }
    case "number":
    case "bigint": {
      return value.toString();
    }
    case "boolean": {
      return value ? "true" : "false";
    }
    default: {
      return "";
    }
  }
}
function consolidate(strings, values) {
  let out = "";
  for (let i = 0, len = values.length; i < len; i++) {
    out += strings[i];
    out += values[i];
  }
  return out + strings[strings.length - 1];
}
function isSuccess(u) {
  return isEffect(u) && u._op === "Success";
}

// node_modules/@effect/platform/dist/esm/internal/httpServerResponse.js
var TypeId4 = /* @__PURE__ */ Symbol.for("@effect/platform/HttpServerResponse");
var respondableSymbol = /* @__PURE__ */ Symbol.for("@effect/platform/HttpServerRespondable");
var ServerResponseImpl = class extends StructuralClass {
  status;
  statusText;
  cookies;
  body;
  [TypeId4];
  headers;
  constructor(status, statusText, headers, cookies, body) {
    super();
    this.status = status;
    this.statusText = statusText;
    this.cookies = cookies;
    this.body = body;
    this[TypeId4] = TypeId4;
    if (body.contentType || body.contentLength) {
      const newHeaders = {
        ...headers
      };
      if (body.contentType) {
        newHeaders["content-type"] = body.contentType;
      }
      if (body.contentLength) {
        newHeaders["content-length"] = body.contentLength.toString();
      }
      this.headers = newHeaders;
    } else {
      this.headers = headers;
    }
  }
  commit() {
    return succeed(this);
  }
  [respondableSymbol]() {
    return succeed(this);
  }
  [NodeInspectSymbol]() {
    return this.toJSON();
  }
  toString() {
    return format(this);
  }
  toJSON() {
    return {
      _id: "@effect/platform/HttpServerResponse",
      status: this.status,
      statusText: this.statusText,
      headers: redact(this.headers),
      cookies: this.cookies.toJSON(),
      body: this.body.toJSON()
    };
  }
};
var isServerResponse = (u) => typeof u === "object" && u !== null && TypeId4 in u;
var empty7 = (options3) => new ServerResponseImpl(options3?.status ?? 204, options3?.statusText, options3?.headers ? fromInput(options3.headers) : empty5, options3?.cookies ?? empty4, empty6);
var redirect = (location2, options3) => {
  const headers = unsafeFromRecord({
    location: location2.toString()
  });
  return new ServerResponseImpl(options3?.status ?? 302, options3?.statusText, options3?.headers ? merge3(headers, fromInput(options3.headers)) : headers, options3?.cookies ?? empty4, empty6);
};
var uint8Array2 = (body, options3) => {
  const headers = options3?.headers ? fromInput(options3.headers) : empty5;
  return new ServerResponseImpl(options3?.status ?? 200, options3?.statusText, headers, options3?.cookies ?? empty4, uint8Array(body, getContentType(options3, headers)));
};
var text2 = (body, options3) => {
  const headers = options3?.headers ? fromInput(options3.headers) : empty5;
  return new ServerResponseImpl(options3?.status ?? 200, options3?.statusText, headers, options3?.cookies ?? empty4, text(body, getContentType(options3, headers)));
};
var html = (strings, ...args) => {
  if (typeof strings === "string") {
    return text2(strings, {
      contentType: "text/html"
    });
  }
  return map5(make8(strings, ...args), (_) => text2(_, {
    contentType: "text/html"
  }));
};
var htmlStream = (strings, ...args) => map5(context(), (context2) => stream4(provideContext(encodeText(stream3(strings, ...args)), context2), {
  contentType: "text/html"
}));
var json2 = (body, options3) => {
  const headers = options3?.headers ? fromInput(options3.headers) : empty5;
  return map5(json(body, getContentType(options3, headers)), (body2) => new ServerResponseImpl(options3?.status ?? 200, options3?.statusText, headers, options3?.cookies ?? empty4, body2));
};
var unsafeJson2 = (body, options3) => {
  const headers = options3?.headers ? fromInput(options3.headers) : empty5;
  return new ServerResponseImpl(options3?.status ?? 200, options3?.statusText, headers, options3?.cookies ?? empty4, unsafeJson(body, getContentType(options3, headers)));
};
var schemaJson = (schema, options3) => {
  const encode2 = jsonSchema(schema, options3);
  return (body, options4) => {
    const headers = options4?.headers ? fromInput(options4.headers) : empty5;
    return map5(encode2(body, getContentType(options4, headers)), (body2) => new ServerResponseImpl(options4?.status ?? 200, options4?.statusText, headers, options4?.cookies ?? empty4, body2));
  };
};
var httpPlatform = /* @__PURE__ */ GenericTag("@effect/platform/HttpPlatform");
var file2 = (path, options3) => flatMap(httpPlatform, (platform) => platform.fileResponse(path, options3));
var fileWeb2 = (file4, options3) => flatMap(httpPlatform, (platform) => platform.fileWebResponse(file4, options3));
var urlParams2 = (body, options3) => {
  const headers = options3?.headers ? fromInput(options3.headers) : empty5;
  return new ServerResponseImpl(options3?.status ?? 200, options3?.statusText, headers, options3?.cookies ?? empty4, urlParams(fromInput2(body), getContentType(options3, headers)));
};
var raw2 = (body, options3) => new ServerResponseImpl(options3?.status ?? 200, options3?.statusText, options3?.headers ? fromInput(options3.headers) : empty5, options3?.cookies ?? empty4, raw(body, {
  contentType: options3?.contentType,
  contentLength: options3?.contentLength
}));
var formData2 = (body, options3) => new ServerResponseImpl(options3?.status ?? 200, options3?.statusText, options3?.headers ? fromInput(options3.headers) : empty5, options3?.cookies ?? empty4, formData(body));
var stream4 = (body, options3) => {
  const headers = options3?.headers ? fromInput(options3.headers) : empty5;
  return new ServerResponseImpl(options3?.status ?? 200, options3?.statusText, headers, options3?.cookies ?? empty4, stream(body, getContentType(options3, headers), options3?.contentLength));
};
var getContentType = (options3, headers) => {
  if (options3?.contentType) {
    return options3.contentType;
  } else if (options3?.headers) {
    return headers["content-type"];
  } else {
    return;
  }
};
var setHeader = /* @__PURE__ */ dual(3, (self, key, value) => new ServerResponseImpl(self.status, self.statusText, set4(self.headers, key, value), self.cookies, self.body));
var replaceCookies = /* @__PURE__ */ dual(2, (self, cookies) => new ServerResponseImpl(self.status, self.statusText, self.headers, cookies, self.body));
var setCookie = /* @__PURE__ */ dual((args) => isServerResponse(args[0]), (self, name, value, options3) => map5(set3(self.cookies, name, value, options3), (cookies) => new ServerResponseImpl(self.status, self.statusText, self.headers, cookies, self.body)));
var unsafeSetCookie = /* @__PURE__ */ dual((args) => isServerResponse(args[0]), (self, name, value, options3) => new ServerResponseImpl(self.status, self.statusText, self.headers, unsafeSet(self.cookies, name, value, options3), self.body));
var updateCookies = /* @__PURE__ */ dual(2, (self, f) => new ServerResponseImpl(self.status, self.statusText, self.headers, f(self.cookies), self.body));
var setCookies = /* @__PURE__ */ dual(2, (self, cookies) => map5(setAll(self.cookies, cookies), (cookies2) => new ServerResponseImpl(self.status, self.statusText, self.headers, cookies2, self.body)));
var mergeCookies = /* @__PURE__ */ dual(2, (self, cookies) => new ServerResponseImpl(self.status, self.statusText, self.headers, merge2(self.cookies, cookies), self.body));
var unsafeSetCookies = /* @__PURE__ */ dual(2, (self, cookies) => new ServerResponseImpl(self.status, self.statusText, self.headers, unsafeSetAll(self.cookies, cookies), self.body));
var removeCookie = /* @__PURE__ */ dual(2, (self, name) => new ServerResponseImpl(self.status, self.statusText, self.headers, remove2(self.cookies, name), self.body));
var expireCookie = /* @__PURE__ */ dual(3, (self, name, options3) => new ServerResponseImpl(self.status, self.statusText, self.headers, unsafeSet(self.cookies, name, "", {
  ...options3 ?? {},
  maxAge: 0
}), self.body));
var setHeaders = /* @__PURE__ */ dual(2, (self, input) => new ServerResponseImpl(self.status, self.statusText, setAll2(self.headers, input), self.cookies, self.body));
var setStatus = /* @__PURE__ */ dual((args) => isServerResponse(args[0]), (self, status, statusText) => new ServerResponseImpl(status, statusText, self.headers, self.cookies, self.body));
var setBody = /* @__PURE__ */ dual(2, (self, body) => {
  let headers = self.headers;
  if (body._tag === "Empty") {
    headers = remove3(remove3(headers, "Content-Type"), "Content-length");
  }
  return new ServerResponseImpl(self.status, self.statusText, headers, self.cookies, body);
});
var toWeb = (response, options3) => {
  const headers = new globalThis.Headers(response.headers);
  if (!isEmpty(response.cookies)) {
    const toAdd = toSetCookieHeaders(response.cookies);
    for (const header of toAdd) {
      headers.append("set-cookie", header);
    }
  }
  if (options3?.withoutBody) {
    return new Response(void 0, {
      status: response.status,
      statusText: response.statusText,
      headers
    });
  }
  const body = response.body;
  switch (body._tag) {
    case "Empty": {
      return new Response(void 0, {
        status: response.status,
        statusText: response.statusText,
        headers
      });
    }
    case "Uint8Array":
    case "Raw": {
      if (body.body instanceof Response) {
        for (const [key, value] of headers) {
          body.body.headers.set(key, value);
        }
        return body.body;
      }
      return new Response(body.body, {
        status: response.status,
        statusText: response.statusText,
        headers
      });
    }
    case "FormData": {
      return new Response(body.formData, {
        status: response.status,
        statusText: response.statusText,
        headers
      });
    }
    case "Stream": {
      return new Response(toReadableStreamRuntime(body.stream, options3?.runtime ?? defaultRuntime), {
        status: response.status,
        statusText: response.statusText,
        headers
      });
    }
  }
};

// node_modules/@effect/platform/dist/esm/HttpServerResponse.js
var TypeId5 = /* @__PURE__ */ Symbol.for("@effect/platform/HttpServerResponse");
var isServerResponse2 = isServerResponse;
var empty8 = empty7;
var redirect2 = redirect;
var uint8Array3 = uint8Array2;
var text3 = text2;
var html2 = html;
var htmlStream2 = htmlStream;
var json3 = json2;
var schemaJson2 = schemaJson;
var unsafeJson3 = unsafeJson2;
var urlParams3 = urlParams2;
var raw3 = raw2;
var formData3 = formData2;
var stream5 = stream4;
var file3 = file2;
var fileWeb3 = fileWeb2;
var setHeader2 = setHeader;
var setHeaders2 = setHeaders;
var removeCookie2 = removeCookie;
var expireCookie2 = expireCookie;
var replaceCookies2 = replaceCookies;
var setCookie2 = setCookie;
var unsafeSetCookie2 = unsafeSetCookie;
var updateCookies2 = updateCookies;
var mergeCookies2 = mergeCookies;
var setCookies2 = setCookies;
var unsafeSetCookies2 = unsafeSetCookies;
var setBody2 = setBody;
var setStatus2 = setStatus;
var toWeb2 = toWeb;
var fromWeb = (response) => {
  const headers = new globalThis.Headers(response.headers);
  const setCookieHeaders = headers.getSetCookie();
  headers.delete("set-cookie");
  let self = empty8({
    status: response.status,
    statusText: response.statusText,
    headers,
    cookies: fromSetCookie(setCookieHeaders)
  });
  if (response.body) {
    const contentType = headers.get("content-type");
    self = setBody2(self, stream2(fromReadableStream({
      evaluate: () => response.body,
      onError: (e) => e
    }), contentType ?? void 0));
  }
  return self;
};

// node_modules/@effect/platform/dist/esm/HttpServerRespondable.js
var symbol = /* @__PURE__ */ Symbol.for("@effect/platform/HttpServerRespondable");
var isRespondable = (u) => hasProperty(u, symbol);
var badRequest = /* @__PURE__ */ empty8({
  status: 400
});
var notFound = /* @__PURE__ */ empty8({
  status: 404
});
var toResponse = (self) => {
  if (isServerResponse2(self)) {
    return succeed(self);
  }
  return orDie(self[symbol]());
};
var toResponseOrElse = (u, orElse2) => {
  if (isServerResponse2(u)) {
    return succeed(u);
  } else if (isRespondable(u)) {
    return catchAllCause(u[symbol](), () => succeed(orElse2));
  } else if (isParseError(u)) {
    return succeed(badRequest);
  } else if (isNoSuchElementException(u)) {
    return succeed(notFound);
  }
  return succeed(orElse2);
};
var toResponseOrElseDefect = (u, orElse2) => {
  if (isServerResponse2(u)) {
    return succeed(u);
  } else if (isRespondable(u)) {
    return catchAllCause(u[symbol](), () => succeed(orElse2));
  }
  return succeed(orElse2);
};

// node_modules/@effect/platform/dist/esm/internal/httpServerError.js
var TypeId6 = /* @__PURE__ */ Symbol.for("@effect/platform/HttpServerError");
var isServerError = (u) => hasProperty(u, TypeId6);
var clientAbortFiberId = /* @__PURE__ */ globalValue("@effect/platform/HttpServerError/clientAbortFiberId", () => runtime(-499, 0));
var causeResponse = (cause) => {
  let effect2 = succeed(internalServerError);
  let stripped = empty3;
  let isClientInterrupt = false;
  let hasResponse = false;
  reduce(cause, void 0, (_, current) => {
    const withoutInterrupt = isInterruptType(stripped) ? empty3 : stripped;
    switch (current._tag) {
      case "Fail": {
        effect2 = toResponseOrElse(current.error, internalServerError);
        stripped = combineCauses(withoutInterrupt, current);
        break;
      }
      case "Die": {
        const isResponse = isServerResponse(current.defect);
        effect2 = toResponseOrElseDefect(current.defect, internalServerError);
        stripped = isResponse ? withoutInterrupt : combineCauses(withoutInterrupt, current);
        hasResponse = hasResponse || isResponse;
        break;
      }
      case "Interrupt": {
        isClientInterrupt = isClientInterrupt || current.fiberId === clientAbortFiberId;
        if (isEmptyType(stripped) && !hasResponse) {
          stripped = current;
        }
        break;
      }
    }
    return none();
  });
  const responseEffect = !hasResponse && isInterruptType(stripped) ? succeed(isClientInterrupt ? clientAbortError : serverAbortError) : effect2;
  const strippedCause = !hasResponse && isInterruptType(stripped) && isClientInterrupt ? interrupt(clientAbortFiberId) : stripped;
  return map5(responseEffect, (response) => {
    if (isEmptyType(strippedCause)) {
      return [response, empty3];
    }
    return [response, sequential(strippedCause, die(response))];
  });
};
var combineCauses = (left2, right2) => {
  if (isEmptyType(left2)) {
    return right2;
  } else if (isEmptyType(right2)) {
    return left2;
  }
  return sequential(left2, right2);
};
var causeResponseStripped = (cause) => {
  let response;
  const stripped = stripSomeDefects(cause, (defect) => {
    if (isServerResponse(defect)) {
      response = defect;
      return some(empty3);
    }
    return none();
  });
  return [response ?? internalServerError, stripped];
};
var internalServerError = /* @__PURE__ */ empty7({
  status: 500
});
var clientAbortError = /* @__PURE__ */ empty7({
  status: 499
});
var serverAbortError = /* @__PURE__ */ empty7({
  status: 503
});
var exitResponse = (exit2) => {
  if (exit2._tag === "Success") {
    return exit2.value;
  }
  return causeResponseStripped(exit2.cause)[0];
};

// node_modules/@effect/platform/dist/esm/HttpServerError.js
var TypeId7 = TypeId6;
var RequestError = class extends (/* @__PURE__ */ TypeIdError(TypeId7, "RequestError")) {
  /**
   * @since 1.0.0
   */
  [symbol]() {
    return empty8({
      status: 400
    });
  }
  get methodAndUrl() {
    return `${this.request.method} ${this.request.url}`;
  }
  get message() {
    return this.description ? `${this.reason}: ${this.description} (${this.methodAndUrl})` : `${this.reason} error (${this.methodAndUrl})`;
  }
};
var isServerError2 = isServerError;
var RouteNotFound = class extends (/* @__PURE__ */ TypeIdError(TypeId7, "RouteNotFound")) {
  constructor(options3) {
    super(options3);
    this.stack = `${this.name}: ${this.message}`;
  }
  /**
   * @since 1.0.0
   */
  [symbol]() {
    return empty8({
      status: 404
    });
  }
  get message() {
    return `${this.request.method} ${this.request.url} not found`;
  }
};
var ResponseError = class extends (/* @__PURE__ */ TypeIdError(TypeId7, "ResponseError")) {
  /**
   * @since 1.0.0
   */
  [symbol]() {
    return empty8({
      status: 500
    });
  }
  get methodAndUrl() {
    return `${this.request.method} ${this.request.url}`;
  }
  get message() {
    const info = `${this.response.status} ${this.methodAndUrl}`;
    return this.description ? `${this.description} (${info})` : `${this.reason} error (${info})`;
  }
};
var ServeError = class extends (/* @__PURE__ */ TypeIdError(TypeId7, "ServeError")) {
};
var clientAbortFiberId2 = clientAbortFiberId;
var causeResponse2 = causeResponse;
var exitResponse2 = exitResponse;

// node_modules/multipasta/dist/esm/internal/contentType.js
var paramRE = /; *([!#$%&'*+.^\w`|~-]+)=("(?:[\v\u0020\u0021\u0023-\u005b\u005d-\u007e\u0080-\u00ff]|\\[\v\u0020-\u00ff])*"|[!#$%&'*+.^\w`|~-]+) */gu;
var quotedPairRE = /\\([\v\u0020-\u00ff])/gu;
var mediaTypeRE = /^[!#$%&'*+.^\w|~-]+\/[!#$%&'*+.^\w|~-]+$/u;
var mediaTypeRENoSlash = /^[!#$%&'*+.^\w|~-]+$/u;
var defaultContentType = {
  value: "",
  parameters: /* @__PURE__ */ Object.create(null)
};
function parse(header, withoutSlash = false) {
  if (typeof header !== "string") {
    return defaultContentType;
  }
  let index = header.indexOf(";");
  const type = index !== -1 ? header.slice(0, index).trim() : header.trim();
  const mediaRE = withoutSlash ? mediaTypeRENoSlash : mediaTypeRE;
  if (mediaRE.test(type) === false) {
    return defaultContentType;
  }
  const result = {
    value: type.toLowerCase(),
    parameters: /* @__PURE__ */ Object.create(null)
  };
  if (index === -1) {
    return result;
  }
  let key;
  let match2;
  let value;
  paramRE.lastIndex = index;
  while (match2 = paramRE.exec(header)) {
    if (match2.index !== index) {
      return defaultContentType;
    }
    index += match2[0].length;
    key = match2[1].toLowerCase();
    value = match2[2];
    if (value[0] === '"') {
      value = value.slice(1, value.length - 1);
      !withoutSlash && quotedPairRE.test(value) && (value = value.replace(quotedPairRE, "$1"));
    }
    result.parameters[key] = value;
  }
  if (index !== header.length) {
    return defaultContentType;
  }
  return result;
}

// node_modules/multipasta/dist/esm/internal/headers.js
var constMaxPairs = 100;
var constMaxSize = 16 * 1024;
var State;
(function(State3) {
  State3[State3["key"] = 0] = "key";
  State3[State3["whitespace"] = 1] = "whitespace";
  State3[State3["value"] = 2] = "value";
})(State || (State = {}));
var constContinue = {
  _tag: "Continue"
};
var constNameChars = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1];
var constValueChars = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
function make9() {
  const decoder = new TextDecoder();
  const state = {
    state: State.key,
    headers: /* @__PURE__ */ Object.create(null),
    key: "",
    value: void 0,
    crlf: 0,
    previousChunk: void 0,
    pairs: 0,
    size: 0
  };
  function reset(value) {
    state.state = State.key;
    state.headers = /* @__PURE__ */ Object.create(null);
    state.key = "";
    state.value = void 0;
    state.crlf = 0;
    state.previousChunk = void 0;
    state.pairs = 0;
    state.size = 0;
    return value;
  }
  function concatUint8Array(a, b) {
    const newUint8Array = new Uint8Array(a.length + b.length);
    newUint8Array.set(a);
    newUint8Array.set(b, a.length);
    return newUint8Array;
  }
  function error(reason) {
    return reset({
      _tag: "Failure",
      reason,
      headers: state.headers
    });
  }
  return function write2(chunk, start) {
    let endOffset = 0;
    let previousCursor;
    if (state.previousChunk !== void 0) {
      endOffset = state.previousChunk.length;
      previousCursor = endOffset;
      const newChunk = new Uint8Array(chunk.length + endOffset);
      newChunk.set(state.previousChunk);
      newChunk.set(chunk, endOffset);
      state.previousChunk = void 0;
      chunk = newChunk;
    }
    const end = chunk.length;
    outer: while (start < end) {
      if (state.state === State.key) {
        let i = start;
        for (; i < end; i++) {
          if (state.size++ > constMaxSize) {
            return error("HeaderTooLarge");
          }
          if (chunk[i] === 58) {
            state.key += decoder.decode(chunk.subarray(start, i)).toLowerCase();
            if (state.key.length === 0) {
              return error("InvalidHeaderName");
            }
            if (chunk[i + 1] === 32 && chunk[i + 2] !== 32 && chunk[i + 2] !== 9) {
              start = i + 2;
              state.state = State.value;
              state.size++;
            } else if (chunk[i + 1] !== 32 && chunk[i + 1] !== 9) {
              start = i + 1;
              state.state = State.value;
            } else {
              start = i + 1;
              state.state = State.whitespace;
            }
            break;
          } else if (constNameChars[chunk[i]] !== 1) {
            return error("InvalidHeaderName");
          }
        }
        if (i === end) {
          state.key += decoder.decode(chunk.subarray(start, end)).toLowerCase();
          return constContinue;
        }
      }
      if (state.state === State.whitespace) {
        for (; start < end; start++) {
          if (state.size++ > constMaxSize) {
            return error("HeaderTooLarge");
          }
          if (chunk[start] !== 32 && chunk[start] !== 9) {
            state.state = State.value;
            break;
          }
        }
        if (start === end) {
          return constContinue;
        }
      }
      if (state.state === State.value) {
        let i = start;
        if (previousCursor !== void 0) {
          i = previousCursor;
          previousCursor = void 0;
        }
        for (; i < end; i++) {
          if (state.size++ > constMaxSize) {
            return error("HeaderTooLarge");
          }
          if (chunk[i] === 13 || state.crlf > 0) {
            let byte = chunk[i];
            if (byte === 13 && state.crlf === 0) {
              state.crlf = 1;
              i++;
              state.size++;
              byte = chunk[i];
            }
            if (byte === 10 && state.crlf === 1) {
              state.crlf = 2;
              i++;
              state.size++;
              byte = chunk[i];
            }
            if (byte === 13 && state.crlf === 2) {
              state.crlf = 3;
              i++;
              state.size++;
              byte = chunk[i];
            }
            if (byte === 10 && state.crlf === 3) {
              state.crlf = 4;
              i++;
              state.size++;
            }
            if (state.crlf < 4 && i >= end) {
              state.previousChunk = chunk.subarray(start);
              return constContinue;
            } else if (state.crlf >= 2) {
              state.value = state.value === void 0 ? chunk.subarray(start, i - state.crlf) : concatUint8Array(state.value, chunk.subarray(start, i - state.crlf));
              const value = decoder.decode(state.value);
              if (state.headers[state.key] === void 0) {
                state.headers[state.key] = value;
              } else if (typeof state.headers[state.key] === "string") {
                state.headers[state.key] = [state.headers[state.key], value];
              } else {
                ;
                state.headers[state.key].push(value);
              }
              start = i;
              state.size--;
              if (state.crlf !== 4 && state.pairs === constMaxPairs) {
                return error("TooManyHeaders");
              } else if (state.crlf === 3) {
                return error("InvalidHeaderValue");
              } else if (state.crlf === 4) {
                return reset({
                  _tag: "Headers",
                  headers: state.headers,
                  endPosition: start - endOffset
                });
              }
              state.pairs++;
              state.key = "";
              state.value = void 0;
              state.crlf = 0;
              state.state = State.key;
              continue outer;
            }
          } else if (constValueChars[chunk[i]] !== 1) {
            return error("InvalidHeaderValue");
          }
        }
        if (i === end) {
          state.value = state.value === void 0 ? chunk.subarray(start, end) : concatUint8Array(state.value, chunk.subarray(start, end));
          return constContinue;
        }
      }
    }
    if (start > end) {
      state.size += end - start;
    }
    return constContinue;
  };
}

// node_modules/multipasta/dist/esm/internal/search.js
function makeState(needle_) {
  const needle = new TextEncoder().encode(needle_);
  const needleLength = needle.length;
  const indexes = {};
  for (let i = 0; i < needleLength; i++) {
    const b = needle[i];
    if (indexes[b] === void 0) indexes[b] = [];
    indexes[b].push(i);
  }
  return {
    needle,
    needleLength,
    indexes,
    firstByte: needle[0],
    previousChunk: void 0,
    previousChunkLength: 0,
    matchIndex: 0
  };
}
function make10(needle, callback, seed) {
  const state = makeState(needle);
  if (seed !== void 0) {
    state.previousChunk = seed;
    state.previousChunkLength = seed.length;
  }
  function makeIndexOf() {
    if ("Buffer" in globalThis && !("Bun" in globalThis || "Deno" in globalThis)) {
      return function(chunk, needle2, fromIndex) {
        return Buffer.prototype.indexOf.call(chunk, needle2, fromIndex);
      };
    }
    const skipTable = new Uint8Array(256).fill(state.needle.length);
    for (let i = 0, lastIndex = state.needle.length - 1; i < lastIndex; ++i) {
      skipTable[state.needle[i]] = lastIndex - i;
    }
    return function(chunk, needle2, fromIndex) {
      const lengthTotal = chunk.length;
      let i = fromIndex + state.needleLength - 1;
      while (i < lengthTotal) {
        for (let j = state.needleLength - 1, k = i; j >= 0 && chunk[k] === needle2[j]; j--, k--) {
          if (j === 0) return k;
        }
        i += skipTable[chunk[i]];
      }
      return -1;
    };
  }
  const indexOf = makeIndexOf();
  function write2(chunk) {
    let chunkLength = chunk.length;
    if (state.previousChunk !== void 0) {
      const newChunk = new Uint8Array(state.previousChunkLength + chunkLength);
      newChunk.set(state.previousChunk);
      newChunk.set(chunk, state.previousChunkLength);
      chunk = newChunk;
      chunkLength = state.previousChunkLength + chunkLength;
      state.previousChunk = void 0;
    }
    if (chunkLength < state.needleLength) {
      state.previousChunk = chunk;
      state.previousChunkLength = chunkLength;
      return;
    }
    let pos = 0;
    while (pos < chunkLength) {
      const match2 = indexOf(chunk, state.needle, pos);
      if (match2 > -1) {
        if (match2 > pos) {
          callback(state.matchIndex, chunk.subarray(pos, match2));
        }
        state.matchIndex += 1;
        pos = match2 + state.needleLength;
        continue;
      } else if (chunk[chunkLength - 1] in state.indexes) {
        const indexes = state.indexes[chunk[chunkLength - 1]];
        let earliestIndex = -1;
        for (let i = 0, len = indexes.length; i < len; i++) {
          const index = indexes[i];
          if (chunk[chunkLength - 1 - index] === state.firstByte && i > earliestIndex) {
            earliestIndex = index;
          }
        }
        if (earliestIndex === -1) {
          if (pos === 0) {
            callback(state.matchIndex, chunk);
          } else {
            callback(state.matchIndex, chunk.subarray(pos));
          }
        } else {
          if (chunkLength - 1 - earliestIndex > pos) {
            callback(state.matchIndex, chunk.subarray(pos, chunkLength - 1 - earliestIndex));
          }
          state.previousChunk = chunk.subarray(chunkLength - 1 - earliestIndex);
          state.previousChunkLength = earliestIndex + 1;
        }
      } else if (pos === 0) {
        callback(state.matchIndex, chunk);
      } else {
        callback(state.matchIndex, chunk.subarray(pos));
      }
      break;
    }
  }
  function end() {
    if (state.previousChunk !== void 0 && state.previousChunk !== seed) {
      callback(state.matchIndex, state.previousChunk);
    }
    state.previousChunk = seed;
    state.previousChunkLength = seed?.length ?? 0;
    state.matchIndex = 0;
  }
  return {
    write: write2,
    end
  };
}

// node_modules/multipasta/dist/esm/internal/multipart.js
var State2;
(function(State3) {
  State3[State3["headers"] = 0] = "headers";
  State3[State3["body"] = 1] = "body";
})(State2 || (State2 = {}));
var errInvalidDisposition = {
  _tag: "InvalidDisposition"
};
var errEndNotReached = {
  _tag: "EndNotReached"
};
var errMaxParts = {
  _tag: "ReachedLimit",
  limit: "MaxParts"
};
var errMaxTotalSize = {
  _tag: "ReachedLimit",
  limit: "MaxTotalSize"
};
var errMaxPartSize = {
  _tag: "ReachedLimit",
  limit: "MaxPartSize"
};
var errMaxFieldSize = {
  _tag: "ReachedLimit",
  limit: "MaxFieldSize"
};
var constCR = /* @__PURE__ */ new TextEncoder().encode("\r\n");
function defaultIsFile(info) {
  return info.filename !== void 0 || info.contentType === "application/octet-stream";
}
function parseBoundary(headers) {
  const contentType = parse(headers["content-type"]);
  return contentType.parameters.boundary;
}
function noopOnChunk(_chunk) {
}
function make11({
  headers,
  onFile: onPart,
  onField,
  onError,
  onDone,
  isFile = defaultIsFile,
  maxParts = Infinity,
  maxTotalSize = Infinity,
  maxPartSize = Infinity,
  maxFieldSize = 1024 * 1024
}) {
  const boundary = parseBoundary(headers);
  if (boundary === void 0) {
    onError({
      _tag: "InvalidBoundary"
    });
    return {
      write: noopOnChunk,
      end() {
      }
    };
  }
  const state = {
    state: State2.headers,
    index: 0,
    parts: 0,
    onChunk: noopOnChunk,
    info: void 0,
    headerSkip: 0,
    partSize: 0,
    totalSize: 0,
    isFile: false,
    fieldChunks: [],
    fieldSize: 0
  };
  function skipBody() {
    state.state = State2.body;
    state.isFile = true;
    state.onChunk = noopOnChunk;
  }
  const headerParser = make9();
  const split = make10(`\r
--${boundary}`, function(index, chunk) {
    if (index === 0) {
      skipBody();
      return;
    } else if (index !== state.index) {
      if (state.index > 0) {
        if (state.isFile) {
          state.onChunk(null);
          state.partSize = 0;
        } else {
          if (state.fieldChunks.length === 1) {
            onField(state.info, state.fieldChunks[0]);
          } else {
            const buf = new Uint8Array(state.fieldSize);
            let offset = 0;
            for (let i = 0; i < state.fieldChunks.length; i++) {
              const chunk2 = state.fieldChunks[i];
              buf.set(chunk2, offset);
              offset += chunk2.length;
            }
            onField(state.info, buf);
          }
          state.fieldSize = 0;
          state.fieldChunks = [];
        }
      }
      state.state = State2.headers;
      state.index = index;
      state.headerSkip = 2;
      if (chunk[0] === 45 && chunk[1] === 45) {
        return onDone();
      }
      state.parts++;
      if (state.parts > maxParts) {
        onError(errMaxParts);
      }
    }
    if ((state.partSize += chunk.length) > maxPartSize) {
      onError(errMaxPartSize);
    }
    if (state.state === State2.headers) {
      const result = headerParser(chunk, state.headerSkip);
      state.headerSkip = 0;
      if (result._tag === "Continue") {
        return;
      } else if (result._tag === "Failure") {
        skipBody();
        return onError({
          _tag: "BadHeaders",
          error: result
        });
      }
      const contentType = parse(result.headers["content-type"]);
      const contentDisposition = parse(result.headers["content-disposition"], true);
      if ("form-data" === contentDisposition.value && !("name" in contentDisposition.parameters)) {
        skipBody();
        return onError(errInvalidDisposition);
      }
      let encodedFilename;
      if ("filename*" in contentDisposition.parameters) {
        const parts = contentDisposition.parameters["filename*"].split("''");
        if (parts.length === 2) {
          encodedFilename = decodeURIComponent(parts[1]);
        }
      }
      state.info = {
        name: contentDisposition.parameters.name ?? "",
        filename: encodedFilename ?? contentDisposition.parameters.filename,
        contentType: contentType.value === "" ? contentDisposition.parameters.filename !== void 0 ? "application/octet-stream" : "text/plain" : contentType.value,
        contentTypeParameters: contentType.parameters,
        contentDisposition: contentDisposition.value,
        contentDispositionParameters: contentDisposition.parameters,
        headers: result.headers
      };
      state.state = State2.body;
      state.isFile = isFile(state.info);
      if (state.isFile) {
        state.onChunk = onPart(state.info);
      }
      if (result.endPosition < chunk.length) {
        if (state.isFile) {
          state.onChunk(chunk.subarray(result.endPosition));
        } else {
          const buf = chunk.subarray(result.endPosition);
          if ((state.fieldSize += buf.length) > maxFieldSize) {
            onError(errMaxFieldSize);
          }
          state.fieldChunks.push(buf);
        }
      }
    } else if (state.isFile) {
      state.onChunk(chunk);
    } else {
      if ((state.fieldSize += chunk.length) > maxFieldSize) {
        onError(errMaxFieldSize);
      }
      state.fieldChunks.push(chunk);
    }
  }, constCR);
  return {
    write(chunk) {
      if ((state.totalSize += chunk.length) > maxTotalSize) {
        return onError(errMaxTotalSize);
      }
      return split.write(chunk);
    },
    end() {
      split.end();
      if (state.state === State2.body) {
        onError(errEndNotReached);
      }
      state.state = State2.headers;
      state.index = 0;
      state.parts = 0;
      state.onChunk = noopOnChunk;
      state.info = void 0;
      state.totalSize = 0;
      state.partSize = 0;
      state.fieldChunks = [];
      state.fieldSize = 0;
    }
  };
}
var utf8Decoder = /* @__PURE__ */ new TextDecoder("utf-8");
function getDecoder(charset) {
  if (charset === "utf-8" || charset === "utf8" || charset === "") {
    return utf8Decoder;
  }
  try {
    return new TextDecoder(charset);
  } catch (error) {
    return utf8Decoder;
  }
}
function decodeField(info, value) {
  return getDecoder(info.contentTypeParameters.charset ?? "utf-8").decode(value);
}

// node_modules/multipasta/dist/esm/index.js
var make12 = make11;
var defaultIsFile2 = defaultIsFile;
var decodeField2 = decodeField;

// node_modules/@effect/platform/dist/esm/Multipart.js
var TypeId8 = /* @__PURE__ */ Symbol.for("@effect/platform/Multipart");
var ErrorTypeId3 = /* @__PURE__ */ Symbol.for("@effect/platform/Multipart/MultipartError");
var MultipartError = class extends (/* @__PURE__ */ TaggedError2()("MultipartError", {
  reason: /* @__PURE__ */ Literal("FileTooLarge", "FieldTooLarge", "BodyTooLarge", "TooManyParts", "InternalError", "Parse"),
  cause: Defect
})) {
  /**
   * @since 1.0.0
   */
  [ErrorTypeId3] = ErrorTypeId3;
  /**
   * @since 1.0.0
   */
  get message() {
    return this.reason;
  }
};
var makeConfig = (headers) => withFiberRuntime((fiber) => {
  const mimeTypes = get(fiber.currentContext, FieldMimeTypes);
  return succeed({
    headers,
    maxParts: getOrUndefined(get(fiber.currentContext, MaxParts)),
    maxFieldSize: Number(get(fiber.currentContext, MaxFieldSize)),
    maxPartSize: get(fiber.currentContext, MaxFileSize).pipe(map2(Number), getOrUndefined),
    maxTotalSize: get(fiber.currentContext, MaxBodySize).pipe(map2(Number), getOrUndefined),
    isFile: mimeTypes.length === 0 ? void 0 : (info) => !some2(mimeTypes, (_) => info.contentType.includes(_)) && defaultIsFile2(info)
  });
});
var makeChannel = (headers, bufferSize = 16) => acquireUseRelease(all([makeConfig(headers), make5(bufferSize)]), ([config, mailbox]) => {
  let partsBuffer = [];
  let exit2 = none();
  const input = {
    awaitRead: () => _void,
    emit(element) {
      return mailbox.offer(element);
    },
    error(cause) {
      exit2 = some(failCause(cause));
      return mailbox.end;
    },
    done(_value) {
      return mailbox.end;
    }
  };
  const parser = make12({
    ...config,
    onField(info, value) {
      partsBuffer.push(new FieldImpl(info.name, info.contentType, decodeField2(info, value)));
    },
    onFile(info) {
      let chunks = [];
      let finished = false;
      const take = suspend(() => {
        if (chunks.length === 0) {
          return finished ? void_2 : zipRight2(pump, take);
        }
        const chunk = unsafeFromArray(chunks);
        chunks = [];
        return finished ? write(chunk) : zipRight2(write(chunk), zipRight2(pump, take));
      });
      partsBuffer.push(new FileImpl(info, take));
      return function(chunk) {
        if (chunk === null) {
          finished = true;
        } else {
          chunks.push(chunk);
        }
      };
    },
    onError(error_) {
      exit2 = some(fail(convertError(error_)));
    },
    onDone() {
      if (isNone(exit2)) {
        exit2 = some(void_);
      }
    }
  });
  const pump = flatMap3(mailbox.takeAll, ([chunks, done]) => sync3(() => {
    forEach(chunks, forEach(parser.write));
    if (done) {
      parser.end();
    }
  }));
  const partsChannel = flatMap3(pump, () => {
    if (partsBuffer.length === 0) {
      return exit2._tag === "None" ? partsChannel : writeExit(exit2.value);
    }
    const chunk = unsafeFromArray(partsBuffer);
    partsBuffer = [];
    return zipRight2(write(chunk), exit2._tag === "None" ? partsChannel : writeExit(exit2.value));
  });
  return embedInput(partsChannel, input);
}, ([, mailbox]) => mailbox.shutdown);
var writeExit = (self) => self._tag === "Success" ? void_2 : failCause3(self.cause);
function convertError(cause) {
  switch (cause._tag) {
    case "ReachedLimit": {
      switch (cause.limit) {
        case "MaxParts": {
          return new MultipartError({
            reason: "TooManyParts",
            cause
          });
        }
        case "MaxFieldSize": {
          return new MultipartError({
            reason: "FieldTooLarge",
            cause
          });
        }
        case "MaxPartSize": {
          return new MultipartError({
            reason: "FileTooLarge",
            cause
          });
        }
        case "MaxTotalSize": {
          return new MultipartError({
            reason: "BodyTooLarge",
            cause
          });
        }
      }
    }
    default: {
      return new MultipartError({
        reason: "Parse",
        cause
      });
    }
  }
}
var PartBase = class extends Class {
  [TypeId8];
  constructor() {
    super();
    this[TypeId8] = TypeId8;
  }
};
var FieldImpl = class extends PartBase {
  key;
  contentType;
  value;
  _tag = "Field";
  constructor(key, contentType, value) {
    super();
    this.key = key;
    this.contentType = contentType;
    this.value = value;
  }
  toJSON() {
    return {
      _id: "@effect/platform/Multipart/Part",
      _tag: "Field",
      key: this.key,
      contentType: this.contentType,
      value: this.value
    };
  }
};
var FileImpl = class extends PartBase {
  _tag = "File";
  key;
  name;
  contentType;
  content;
  contentEffect;
  constructor(info, channel) {
    super();
    this.key = info.name;
    this.name = info.filename ?? info.name;
    this.contentType = info.contentType;
    this.content = fromChannel(channel);
    this.contentEffect = channel.pipe(pipeTo(collectUint8Array), run2, mapError((cause) => new MultipartError({
      reason: "InternalError",
      cause
    })));
  }
  toJSON() {
    return {
      _id: "@effect/platform/Multipart/Part",
      _tag: "File",
      key: this.key,
      name: this.name,
      contentType: this.contentType
    };
  }
};
var defaultWriteFile = (path, file4) => flatMap(FileSystem, (fs) => mapError(run(file4.content, fs.sink(path)), (cause) => new MultipartError({
  reason: "InternalError",
  cause
})));
var collectUint8Array = /* @__PURE__ */ suspend(() => {
  let accumulator = new Uint8Array(0);
  const loop = readWithCause({
    onInput(chunk) {
      for (const element of chunk) {
        const newAccumulator = new Uint8Array(accumulator.length + element.length);
        newAccumulator.set(accumulator, 0);
        newAccumulator.set(element, accumulator.length);
        accumulator = newAccumulator;
      }
      return loop;
    },
    onFailure: (cause) => failCause3(cause),
    onDone: () => succeed4(accumulator)
  });
  return loop;
});
var toPersisted = (stream6, writeFile = defaultWriteFile) => gen(function* () {
  const fs = yield* FileSystem;
  const path_ = yield* Path;
  const dir = yield* fs.makeTempDirectoryScoped();
  const persisted = /* @__PURE__ */ Object.create(null);
  yield* runForEach(stream6, (part) => {
    if (part._tag === "Field") {
      if (!(part.key in persisted)) {
        persisted[part.key] = part.value;
      } else if (typeof persisted[part.key] === "string") {
        persisted[part.key] = [persisted[part.key], part.value];
      } else {
        ;
        persisted[part.key].push(part.value);
      }
      return _void;
    } else if (part.name === "") {
      return _void;
    }
    const file4 = part;
    const path = path_.join(dir, path_.basename(file4.name).slice(-128));
    const filePart = new PersistedFileImpl(file4.key, file4.name, file4.contentType, path);
    if (Array.isArray(persisted[part.key])) {
      ;
      persisted[part.key].push(filePart);
    } else {
      persisted[part.key] = [filePart];
    }
    return writeFile(path, file4);
  });
  return persisted;
}).pipe(catchTags({
  SystemError: (cause) => fail2(new MultipartError({
    reason: "InternalError",
    cause
  })),
  BadArgument: (cause) => fail2(new MultipartError({
    reason: "InternalError",
    cause
  }))
}));
var PersistedFileImpl = class extends PartBase {
  key;
  name;
  contentType;
  path;
  _tag = "PersistedFile";
  constructor(key, name, contentType, path) {
    super();
    this.key = key;
    this.name = name;
    this.contentType = contentType;
    this.path = path;
  }
  toJSON() {
    return {
      _id: "@effect/platform/Multipart/Part",
      _tag: "PersistedFile",
      key: this.key,
      name: this.name,
      contentType: this.contentType,
      path: this.path
    };
  }
};
var MaxParts = class extends (/* @__PURE__ */ Reference()("@effect/platform/Multipart/MaxParts", {
  defaultValue: none
})) {
};
var MaxFieldSize = class extends (/* @__PURE__ */ Reference()("@effect/platform/Multipart/MaxFieldSize", {
  defaultValue: /* @__PURE__ */ constant(/* @__PURE__ */ Size(10 * 1024 * 1024))
})) {
};
var MaxFileSize = class extends (/* @__PURE__ */ Reference()("@effect/platform/Multipart/MaxFileSize", {
  defaultValue: none
})) {
};
var FieldMimeTypes = class extends (/* @__PURE__ */ Reference()("@effect/platform/Multipart/FieldMimeTypes", {
  defaultValue: /* @__PURE__ */ constant(/* @__PURE__ */ make("application/json"))
})) {
};

// node_modules/@effect/platform/dist/esm/Socket.js
var TypeId9 = /* @__PURE__ */ Symbol.for("@effect/platform/Socket");
var Socket = /* @__PURE__ */ GenericTag("@effect/platform/Socket");
var CloseEventTypeId = /* @__PURE__ */ Symbol.for("@effect/platform/Socket/CloseEvent");
var CloseEvent = class {
  code;
  reason;
  /**
   * @since 1.0.0
   */
  [CloseEventTypeId];
  constructor(code = 1e3, reason) {
    this.code = code;
    this.reason = reason;
    this[CloseEventTypeId] = CloseEventTypeId;
  }
  /**
   * @since 1.0.0
   */
  toString() {
    return this.reason ? `${this.code}: ${this.reason}` : `${this.code}`;
  }
};
var isCloseEvent = (u) => hasProperty(u, CloseEventTypeId);
var SocketErrorTypeId = /* @__PURE__ */ Symbol.for("@effect/platform/Socket/SocketError");
var isSocketError = (u) => hasProperty(u, SocketErrorTypeId);
var SocketGenericError = class extends (/* @__PURE__ */ TypeIdError(SocketErrorTypeId, "SocketError")) {
  get message() {
    return `An error occurred during ${this.reason}`;
  }
};
var SocketCloseError = class _SocketCloseError extends (/* @__PURE__ */ TypeIdError(SocketErrorTypeId, "SocketError")) {
  /**
   * @since 1.0.0
   */
  static is(u) {
    return isSocketError(u) && u.reason === "Close";
  }
  /**
   * @since 1.0.0
   */
  static isClean(isClean) {
    return function(u) {
      return _SocketCloseError.is(u) && isClean(u.code);
    };
  }
  get message() {
    if (this.closeReason) {
      return `${this.reason}: ${this.code}: ${this.closeReason}`;
    }
    return `${this.reason}: ${this.code}`;
  }
};
var defaultCloseCodeIsError = (code) => code !== 1e3 && code !== 1006;
var WebSocket = /* @__PURE__ */ GenericTag("@effect/platform/Socket/WebSocket");
var fromWebSocket = (acquire, options3) => withFiberRuntime((fiber) => {
  let currentWS;
  const latch = unsafeMakeLatch(false);
  const acquireContext = fiber.currentContext;
  const closeCodeIsError = options3?.closeCodeIsError ?? defaultCloseCodeIsError;
  const runRaw = (handler, opts) => scopedWith(fnUntraced(function* (scope2) {
    const fiberSet = yield* make6().pipe(extend(scope2));
    const ws = yield* extend(acquire, scope2);
    const run5 = yield* provideService(runtime2(fiberSet)(), WebSocket, ws);
    let open = false;
    function onMessage(event) {
      if (event.data instanceof Blob) {
        return promise(() => event.data.arrayBuffer()).pipe(andThen((buffer) => handler(new Uint8Array(buffer))), run5);
      }
      const result = handler(event.data);
      if (isEffect(result)) {
        run5(result);
      }
    }
    function onError(cause) {
      ws.removeEventListener("message", onMessage);
      ws.removeEventListener("close", onClose);
      unsafeDone(fiberSet.deferred, fail2(new SocketGenericError({
        reason: open ? "Read" : "Open",
        cause
      })));
    }
    function onClose(event) {
      ws.removeEventListener("message", onMessage);
      ws.removeEventListener("error", onError);
      unsafeDone(fiberSet.deferred, fail2(new SocketCloseError({
        reason: "Close",
        code: event.code,
        closeReason: event.reason
      })));
    }
    ws.addEventListener("close", onClose, {
      once: true
    });
    ws.addEventListener("error", onError, {
      once: true
    });
    ws.addEventListener("message", onMessage);
    if (ws.readyState !== 1) {
      const openDeferred = unsafeMake2(fiber.id());
      ws.addEventListener("open", () => {
        open = true;
        unsafeDone(openDeferred, _void);
      }, {
        once: true
      });
      yield* _await(openDeferred).pipe(timeoutFail({
        duration: options3?.openTimeout ?? 1e4,
        onTimeout: () => new SocketGenericError({
          reason: "OpenTimeout",
          cause: 'timeout waiting for "open"'
        })
      }), raceFirst(join(fiberSet)));
    }
    open = true;
    currentWS = ws;
    yield* latch.open;
    if (opts?.onOpen) yield* opts.onOpen;
    return yield* join(fiberSet).pipe(catchIf(SocketCloseError.isClean((_) => !closeCodeIsError(_)), (_) => _void));
  })).pipe(mapInputContext((input) => merge(acquireContext, input)), ensuring(sync(() => {
    latch.unsafeClose();
    currentWS = void 0;
  })), interruptible);
  const encoder2 = new TextEncoder();
  const run4 = (handler, opts) => runRaw((data) => typeof data === "string" ? handler(encoder2.encode(data)) : data instanceof Uint8Array ? handler(data) : handler(new Uint8Array(data)), opts);
  const write2 = (chunk) => latch.whenOpen(sync(() => {
    const ws = currentWS;
    if (isCloseEvent(chunk)) {
      ws.close(chunk.code, chunk.reason);
    } else {
      ws.send(chunk);
    }
  }));
  const writer = succeed(write2);
  return succeed(Socket.of({
    [TypeId9]: TypeId9,
    run: run4,
    runRaw,
    writer
  }));
});

// node_modules/@effect/platform/dist/esm/internal/httpServerRequest.js
var TypeId10 = /* @__PURE__ */ Symbol.for("@effect/platform/HttpServerRequest");
var serverRequestTag = /* @__PURE__ */ GenericTag("@effect/platform/HttpServerRequest");
var parsedSearchParamsTag = /* @__PURE__ */ GenericTag("@effect/platform/HttpServerRequest/ParsedSearchParams");
var fromWeb2 = (request) => new ServerRequestImpl(request, removeHost(request.url));
var removeHost = (url) => {
  if (url[0] === "/") {
    return url;
  }
  const index = url.indexOf("/", url.indexOf("//") + 2);
  return index === -1 ? "/" : url.slice(index);
};
var ServerRequestImpl = class _ServerRequestImpl extends Class {
  source;
  url;
  headersOverride;
  remoteAddressOverride;
  [TypeId10];
  [TypeId2];
  constructor(source, url, headersOverride, remoteAddressOverride) {
    super();
    this.source = source;
    this.url = url;
    this.headersOverride = headersOverride;
    this.remoteAddressOverride = remoteAddressOverride;
    this[TypeId10] = TypeId10;
    this[TypeId2] = TypeId2;
  }
  toJSON() {
    return inspect(this, {
      _id: "@effect/platform/HttpServerRequest",
      method: this.method,
      url: this.originalUrl
    });
  }
  modify(options3) {
    return new _ServerRequestImpl(this.source, options3.url ?? this.url, options3.headers ?? this.headersOverride, options3.remoteAddress ?? this.remoteAddressOverride);
  }
  get method() {
    return this.source.method.toUpperCase();
  }
  get originalUrl() {
    return this.source.url;
  }
  get remoteAddress() {
    return this.remoteAddressOverride ? some(this.remoteAddressOverride) : none();
  }
  get headers() {
    this.headersOverride ??= fromInput(this.source.headers);
    return this.headersOverride;
  }
  cachedCookies;
  get cookies() {
    if (this.cachedCookies) {
      return this.cachedCookies;
    }
    return this.cachedCookies = parseHeader(this.headers.cookie ?? "");
  }
  get stream() {
    return this.source.body ? fromReadableStream(() => this.source.body, (cause) => new RequestError({
      request: this,
      reason: "Decode",
      cause
    })) : fail3(new RequestError({
      request: this,
      reason: "Decode",
      description: "can not create stream from empty body"
    }));
  }
  textEffect;
  get text() {
    if (this.textEffect) {
      return this.textEffect;
    }
    this.textEffect = runSync(cached(tryPromise({
      try: () => this.source.text(),
      catch: (cause) => new RequestError({
        request: this,
        reason: "Decode",
        cause
      })
    })));
    return this.textEffect;
  }
  get json() {
    return tryMap(this.text, {
      try: (_) => JSON.parse(_),
      catch: (cause) => new RequestError({
        request: this,
        reason: "Decode",
        cause
      })
    });
  }
  get urlParamsBody() {
    return flatMap(this.text, (_) => try_({
      try: () => fromInput2(new URLSearchParams(_)),
      catch: (cause) => new RequestError({
        request: this,
        reason: "Decode",
        cause
      })
    }));
  }
  multipartEffect;
  get multipart() {
    if (this.multipartEffect) {
      return this.multipartEffect;
    }
    this.multipartEffect = runSync(cached(toPersisted(this.multipartStream)));
    return this.multipartEffect;
  }
  get multipartStream() {
    return pipeThroughChannel(mapError2(this.stream, (cause) => new MultipartError({
      reason: "InternalError",
      cause
    })), makeChannel(this.headers));
  }
  arrayBufferEffect;
  get arrayBuffer() {
    if (this.arrayBufferEffect) {
      return this.arrayBufferEffect;
    }
    this.arrayBufferEffect = runSync(cached(tryPromise({
      try: () => this.source.arrayBuffer(),
      catch: (cause) => new RequestError({
        request: this,
        reason: "Decode",
        cause
      })
    })));
    return this.arrayBufferEffect;
  }
  get upgrade() {
    return fail2(new RequestError({
      request: this,
      reason: "Decode",
      description: "Not an upgradeable ServerRequest"
    }));
  }
};
var toURL = (self) => {
  const host = self.headers.host ?? "localhost";
  const protocol = self.headers["x-forwarded-proto"] === "https" ? "https" : "http";
  try {
    return some(new URL(self.url, `${protocol}://${host}`));
  } catch {
    return none();
  }
};

// node_modules/@effect/platform/dist/esm/HttpServerRequest.js
var TypeId11 = TypeId10;
var HttpServerRequest = serverRequestTag;
var ParsedSearchParams = parsedSearchParamsTag;
var fromWeb3 = fromWeb2;
var toURL2 = toURL;

// node_modules/@effect/platform/dist/esm/internal/httpApp.js
var currentPreResponseHandlers = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("@effect/platform/HttpApp/preResponseHandlers"), () => unsafeMake3(none()));
var appendPreResponseHandler = (handler) => update(currentPreResponseHandlers, match({
  onNone: () => some(handler),
  onSome: (prev) => some((request, response) => flatMap(prev(request, response), (response2) => handler(request, response2)))
}));

// node_modules/@effect/platform/dist/esm/internal/httpMiddleware.js
var make13 = (middleware2) => middleware2;
var loggerDisabled = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("@effect/platform/HttpMiddleware/loggerDisabled"), () => unsafeMake3(false));
var withLoggerDisabled = (self) => zipRight(set2(loggerDisabled, true), self);
var currentTracerDisabledWhen = /* @__PURE__ */ globalValue(/* @__PURE__ */ Symbol.for("@effect/platform/HttpMiddleware/tracerDisabledWhen"), () => unsafeMake3(constFalse));
var SpanNameGenerator = /* @__PURE__ */ Reference()("@effect/platform/HttpMiddleware/SpanNameGenerator", {
  defaultValue: () => (request) => `http.server ${request.method}`
});
var tracer = /* @__PURE__ */ make13((httpApp) => withFiberRuntime((fiber) => {
  const request = unsafeGet(fiber.currentContext, HttpServerRequest);
  const disabled = fiber.getFiberRef(currentTracerDisabledWhen)(request);
  if (disabled) {
    return httpApp;
  }
  const url = getOrUndefined(toURL2(request));
  if (url !== void 0 && (url.username !== "" || url.password !== "")) {
    url.username = "REDACTED";
    url.password = "REDACTED";
  }
  const redactedHeaderNames = fiber.getFiberRef(currentRedactedNames);
  const redactedHeaders = redact2(request.headers, redactedHeaderNames);
  const nameGenerator = get(fiber.currentContext, SpanNameGenerator);
  return useSpan(nameGenerator(request), {
    parent: getOrUndefined(fromHeaders(request.headers)),
    kind: "server",
    captureStackTrace: false
  }, (span) => {
    span.attribute("http.request.method", request.method);
    if (url !== void 0) {
      span.attribute("url.full", url.toString());
      span.attribute("url.path", url.pathname);
      const query = url.search.slice(1);
      if (query !== "") {
        span.attribute("url.query", url.search.slice(1));
      }
      span.attribute("url.scheme", url.protocol.slice(0, -1));
    }
    if (request.headers["user-agent"] !== void 0) {
      span.attribute("user_agent.original", request.headers["user-agent"]);
    }
    for (const name in redactedHeaders) {
      span.attribute(`http.request.header.${name}`, String(redactedHeaders[name]));
    }
    if (request.remoteAddress._tag === "Some") {
      span.attribute("client.address", request.remoteAddress.value);
    }
    return flatMap(exit(withParentSpan(httpApp, span)), (exit2) => {
      const response = exitResponse2(exit2);
      span.attribute("http.response.status_code", response.status);
      const redactedHeaders2 = redact2(response.headers, redactedHeaderNames);
      for (const name in redactedHeaders2) {
        span.attribute(`http.response.header.${name}`, String(redactedHeaders2[name]));
      }
      return exit2;
    });
  });
}));
var cors = (options3) => {
  const opts = {
    allowedOrigins: [],
    allowedMethods: ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE"],
    allowedHeaders: [],
    exposedHeaders: [],
    credentials: false,
    ...options3
  };
  const isAllowedOrigin = typeof opts.allowedOrigins === "function" ? opts.allowedOrigins : (origin) => opts.allowedOrigins.includes(origin);
  const allowOrigin = typeof opts.allowedOrigins === "function" || opts.allowedOrigins.length > 1 ? (originHeader) => {
    if (isAllowedOrigin(originHeader)) {
      return {
        "access-control-allow-origin": originHeader,
        vary: "Origin"
      };
    }
    return void 0;
  } : opts.allowedOrigins.length === 1 ? constant({
    "access-control-allow-origin": opts.allowedOrigins[0],
    vary: "Origin"
  }) : constant({
    "access-control-allow-origin": "*"
  });
  const allowMethods = opts.allowedMethods.length > 0 ? {
    "access-control-allow-methods": opts.allowedMethods.join(", ")
  } : void 0;
  const allowCredentials = opts.credentials ? {
    "access-control-allow-credentials": "true"
  } : void 0;
  const allowHeaders = (accessControlRequestHeaders) => {
    if (opts.allowedHeaders.length === 0 && accessControlRequestHeaders) {
      return {
        vary: "Access-Control-Request-Headers",
        "access-control-allow-headers": accessControlRequestHeaders
      };
    }
    if (opts.allowedHeaders) {
      return {
        "access-control-allow-headers": opts.allowedHeaders.join(",")
      };
    }
    return void 0;
  };
  const exposeHeaders = opts.exposedHeaders.length > 0 ? {
    "access-control-expose-headers": opts.exposedHeaders.join(",")
  } : void 0;
  const maxAge = opts.maxAge ? {
    "access-control-max-age": opts.maxAge.toString()
  } : void 0;
  const headersFromRequest = (request) => {
    const origin = request.headers["origin"];
    return unsafeFromRecord({
      ...allowOrigin(origin),
      ...allowCredentials,
      ...exposeHeaders
    });
  };
  const headersFromRequestOptions = (request) => {
    const origin = request.headers["origin"];
    const accessControlRequestHeaders = request.headers["access-control-request-headers"];
    return unsafeFromRecord({
      ...allowOrigin(origin),
      ...allowCredentials,
      ...exposeHeaders,
      ...allowMethods,
      ...allowHeaders(accessControlRequestHeaders),
      ...maxAge
    });
  };
  const preResponseHandler = (request, response) => succeed(setHeaders2(response, headersFromRequest(request)));
  return (httpApp) => withFiberRuntime((fiber) => {
    const request = unsafeGet(fiber.currentContext, HttpServerRequest);
    if (request.method === "OPTIONS") {
      return succeed(empty8({
        status: 204,
        headers: headersFromRequestOptions(request)
      }));
    }
    return zipRight(appendPreResponseHandler(preResponseHandler), httpApp);
  });
};

// node_modules/@effect/platform/dist/esm/HttpApp.js
var handledSymbol = /* @__PURE__ */ Symbol.for("@effect/platform/HttpApp/handled");
var toHandled = (self, handleResponse, middleware2) => {
  const responded = withFiberRuntime((fiber) => flatMap(self, (response) => {
    const request = unsafeGet(fiber.currentContext, HttpServerRequest);
    const handler = fiber.getFiberRef(currentPreResponseHandlers2);
    if (handler._tag === "None") {
      ;
      request[handledSymbol] = true;
      return as(handleResponse(request, response), response);
    }
    return tap(handler.value(request, response), (response2) => {
      ;
      request[handledSymbol] = true;
      return handleResponse(request, response2);
    });
  }));
  const withErrorHandling = catchAllCause(responded, (cause) => withFiberRuntime((fiber) => flatMap(causeResponse2(cause), ([response, cause2]) => {
    const request = unsafeGet(fiber.currentContext, HttpServerRequest);
    const handler = fiber.getFiberRef(currentPreResponseHandlers2);
    if (handler._tag === "None") {
      ;
      request[handledSymbol] = true;
      return zipRight(handleResponse(request, response), isEmptyType(cause2) ? succeed(response) : failCause2(cause2));
    }
    return zipRight(tap(handler.value(request, response), (response2) => {
      ;
      request[handledSymbol] = true;
      return handleResponse(request, response2);
    }), isEmptyType(cause2) ? succeed(response) : failCause2(cause2));
  })));
  const withMiddleware = unify(middleware2 === void 0 ? tracer(withErrorHandling) : matchCauseEffect(tracer(middleware2(withErrorHandling)), {
    onFailure: (cause) => withFiberRuntime((fiber) => {
      const request = unsafeGet(fiber.currentContext, HttpServerRequest);
      if (handledSymbol in request) {
        return _void;
      }
      return matchCauseEffect(causeResponse2(cause), {
        onFailure: (_cause) => handleResponse(request, empty8({
          status: 500
        })),
        onSuccess: ([response]) => handleResponse(request, response)
      });
    }),
    onSuccess: (response) => withFiberRuntime((fiber) => {
      const request = unsafeGet(fiber.currentContext, HttpServerRequest);
      return handledSymbol in request ? _void : handleResponse(request, response);
    })
  }));
  return uninterruptible(scoped(withMiddleware));
};
var ejectDefaultScopeClose = (scope2) => {
  ejectedScopes.add(scope2);
};
var unsafeEjectStreamScope = (response) => {
  if (response.body._tag !== "Stream") {
    return response;
  }
  const fiber = getOrThrow(getCurrentFiber());
  const scope2 = unsafeGet(fiber.currentContext, Scope);
  ejectDefaultScopeClose(scope2);
  return setBody2(response, stream2(ensuring2(response.body.stream, close(scope2, void_)), response.body.contentType, response.body.contentLength));
};
var ejectedScopes = /* @__PURE__ */ globalValue("@effect/platform/HttpApp/ejectedScopes", () => /* @__PURE__ */ new WeakSet());
var scoped = (effect2) => flatMap(make2(), (scope2) => onExit(extend(effect2, scope2), (exit2) => {
  if (ejectedScopes.has(scope2)) {
    return _void;
  }
  return close(scope2, exit2);
}));
var currentPreResponseHandlers2 = currentPreResponseHandlers;
var toWebHandlerRuntime = (runtime3) => {
  const httpRuntime = make3(runtime3);
  const run4 = runFork(httpRuntime);
  return (self, middleware2) => {
    const resolveSymbol = Symbol.for("@effect/platform/HttpApp/resolve");
    const httpApp = toHandled(self, (request, response) => {
      response = unsafeEjectStreamScope(response);
      request[resolveSymbol](toWeb2(response, {
        withoutBody: request.method === "HEAD",
        runtime: runtime3
      }));
      return _void;
    }, middleware2);
    return (request, context2) => new Promise((resolve) => {
      const contextMap = new Map(runtime3.context.unsafeMap);
      if (isContext(context2)) {
        for (const [key, value] of context2.unsafeMap) {
          contextMap.set(key, value);
        }
      }
      const httpServerRequest = fromWeb3(request);
      contextMap.set(HttpServerRequest.key, httpServerRequest);
      httpServerRequest[resolveSymbol] = resolve;
      httpRuntime.context = unsafeMake(contextMap);
      const fiber = run4(httpApp);
      request.signal?.addEventListener("abort", () => {
        fiber.unsafeInterruptAsFork(clientAbortFiberId2);
      }, {
        once: true
      });
    });
  };
};
var toWebHandlerLayerWith = (layer5, options3) => {
  const scope2 = runSync(make2());
  const dispose = () => runPromise(close(scope2, void_));
  let handlerCache;
  let handlerPromise;
  function handler(request, context2) {
    if (handlerCache) {
      return handlerCache(request, context2);
    }
    handlerPromise ??= gen(function* () {
      const runtime3 = yield* options3.memoMap ? toRuntimeWithMemoMap(layer5, options3.memoMap) : toRuntime(layer5);
      return handlerCache = toWebHandlerRuntime(runtime3)(yield* options3.toHandler(runtime3), options3.middleware);
    }).pipe(extend(scope2), runPromise);
    return handlerPromise.then((f) => f(request, context2));
  }
  return {
    dispose,
    handler
  };
};

// node_modules/@effect/platform/dist/esm/HttpMiddleware.js
var make14 = make13;
var withLoggerDisabled2 = withLoggerDisabled;
var cors2 = cors;

// node_modules/@effect/platform/dist/esm/HttpRouter.js
var HttpRouter_exports = {};
__export(HttpRouter_exports, {
  Default: () => Default,
  RouteContext: () => RouteContext2,
  RouteContextTypeId: () => RouteContextTypeId2,
  RouteTypeId: () => RouteTypeId2,
  Tag: () => Tag3,
  TypeId: () => TypeId15,
  all: () => all3,
  append: () => append4,
  catchAll: () => catchAll3,
  catchAllCause: () => catchAllCause3,
  catchTag: () => catchTag3,
  catchTags: () => catchTags3,
  concat: () => concat2,
  concatAll: () => concatAll2,
  currentRouterConfig: () => currentRouterConfig2,
  del: () => del2,
  empty: () => empty10,
  fromIterable: () => fromIterable6,
  get: () => get5,
  head: () => head2,
  makeRoute: () => makeRoute2,
  mount: () => mount2,
  mountApp: () => mountApp2,
  options: () => options2,
  params: () => params2,
  patch: () => patch2,
  post: () => post2,
  prefixAll: () => prefixAll2,
  prefixPath: () => prefixPath2,
  provideService: () => provideService3,
  provideServiceEffect: () => provideServiceEffect3,
  put: () => put2,
  route: () => route2,
  schemaJson: () => schemaJson6,
  schemaNoBody: () => schemaNoBody2,
  schemaParams: () => schemaParams2,
  schemaPathParams: () => schemaPathParams2,
  setRouterConfig: () => setRouterConfig2,
  toHttpApp: () => toHttpApp2,
  transform: () => transform3,
  use: () => use2,
  withRouterConfig: () => withRouterConfig2
});

// node_modules/find-my-way-ts/dist/esm/QueryString.js
var plusRegex = /\+/g;
var Empty = function() {
};
Empty.prototype = /* @__PURE__ */ Object.create(null);
function parse2(input) {
  const result = new Empty();
  if (typeof input !== "string") {
    return result;
  }
  const inputLength = input.length;
  let key = "";
  let value = "";
  let startingIndex = -1;
  let equalityIndex = -1;
  let shouldDecodeKey = false;
  let shouldDecodeValue = false;
  let keyHasPlus = false;
  let valueHasPlus = false;
  let hasBothKeyValuePair = false;
  let c = 0;
  for (let i = 0; i < inputLength + 1; i++) {
    c = i !== inputLength ? input.charCodeAt(i) : 38;
    if (c === 38) {
      hasBothKeyValuePair = equalityIndex > startingIndex;
      if (!hasBothKeyValuePair) {
        equalityIndex = i;
      }
      key = input.slice(startingIndex + 1, equalityIndex);
      if (hasBothKeyValuePair || key.length > 0) {
        if (keyHasPlus) {
          key = key.replace(plusRegex, " ");
        }
        if (shouldDecodeKey) {
          try {
            key = decodeURIComponent(key) || key;
          } catch {
          }
        }
        if (hasBothKeyValuePair) {
          value = input.slice(equalityIndex + 1, i);
          if (valueHasPlus) {
            value = value.replace(plusRegex, " ");
          }
          if (shouldDecodeValue) {
            try {
              value = decodeURIComponent(value) || value;
            } catch {
            }
          }
        }
        const currentValue = result[key];
        if (currentValue === void 0) {
          result[key] = value;
        } else {
          if (currentValue.pop) {
            currentValue.push(value);
          } else {
            result[key] = [currentValue, value];
          }
        }
      }
      value = "";
      startingIndex = i;
      equalityIndex = i;
      shouldDecodeKey = false;
      shouldDecodeValue = false;
      keyHasPlus = false;
      valueHasPlus = false;
    } else if (c === 61) {
      if (equalityIndex <= startingIndex) {
        equalityIndex = i;
      } else {
        shouldDecodeValue = true;
      }
    } else if (c === 43) {
      if (equalityIndex > startingIndex) {
        valueHasPlus = true;
      } else {
        keyHasPlus = true;
      }
    } else if (c === 37) {
      if (equalityIndex > startingIndex) {
        shouldDecodeValue = true;
      } else {
        shouldDecodeKey = true;
      }
    }
  }
  return result;
}

// node_modules/find-my-way-ts/dist/esm/internal/router.js
var FULL_PATH_REGEXP = /^https?:\/\/.*?\//;
var OPTIONAL_PARAM_REGEXP = /(\/:[^/()]*?)\?(\/?)/;
var make15 = (options3 = {}) => new RouterImpl(options3);
var RouterImpl = class {
  constructor(options3 = {}) {
    this.options = {
      ignoreTrailingSlash: true,
      ignoreDuplicateSlashes: true,
      caseSensitive: false,
      maxParamLength: 100,
      ...options3
    };
  }
  options;
  routes = [];
  trees = {};
  on(method, path, handler) {
    const optionalParamMatch = path.match(OPTIONAL_PARAM_REGEXP);
    if (optionalParamMatch && optionalParamMatch.index !== void 0) {
      assert(path.length === optionalParamMatch.index + optionalParamMatch[0].length, "Optional Parameter needs to be the last parameter of the path");
      const pathFull = path.replace(OPTIONAL_PARAM_REGEXP, "$1$2");
      const pathOptional = path.replace(OPTIONAL_PARAM_REGEXP, "$2");
      this.on(method, pathFull, handler);
      this.on(method, pathOptional, handler);
      return;
    }
    if (this.options.ignoreDuplicateSlashes) {
      path = removeDuplicateSlashes(path);
    }
    if (this.options.ignoreTrailingSlash) {
      path = trimLastSlash(path);
    }
    const methods = typeof method === "string" ? [method] : method;
    for (const method2 of methods) {
      this._on(method2, path, handler);
    }
  }
  all(path, handler) {
    this.on(httpMethods, path, handler);
  }
  _on(method, path, handler) {
    if (this.trees[method] === void 0) {
      this.trees[method] = new StaticNode("/");
    }
    let pattern = path;
    if (pattern === "*" && this.trees[method].prefix.length !== 0) {
      const currentRoot = this.trees[method];
      this.trees[method] = new StaticNode("");
      this.trees[method].staticChildren["/"] = currentRoot;
    }
    let parentNodePathIndex = this.trees[method].prefix.length;
    let currentNode = this.trees[method];
    const params3 = [];
    for (let i = 0; i <= pattern.length; i++) {
      if (pattern.charCodeAt(i) === 58 && pattern.charCodeAt(i + 1) === 58) {
        i++;
        continue;
      }
      const isParametricNode = pattern.charCodeAt(i) === 58 && pattern.charCodeAt(i + 1) !== 58;
      const isWildcardNode = pattern.charCodeAt(i) === 42;
      if (isParametricNode || isWildcardNode || i === pattern.length && i !== parentNodePathIndex) {
        let staticNodePath = pattern.slice(parentNodePathIndex, i);
        if (!this.options.caseSensitive) {
          staticNodePath = staticNodePath.toLowerCase();
        }
        staticNodePath = staticNodePath.split("::").join(":");
        staticNodePath = staticNodePath.split("%").join("%25");
        currentNode = currentNode.createStaticChild(staticNodePath);
      }
      if (isParametricNode) {
        let isRegexNode = false;
        const regexps = [];
        let lastParamStartIndex = i + 1;
        for (let j = lastParamStartIndex; ; j++) {
          const charCode = pattern.charCodeAt(j);
          const isRegexParam = charCode === 40;
          const isStaticPart = charCode === 45 || charCode === 46;
          const isEndOfNode = charCode === 47 || j === pattern.length;
          if (isRegexParam || isStaticPart || isEndOfNode) {
            const paramName = pattern.slice(lastParamStartIndex, j);
            params3.push(paramName);
            isRegexNode = isRegexNode || isRegexParam || isStaticPart;
            if (isRegexParam) {
              const endOfRegexIndex = getClosingParenthensePosition(pattern, j);
              const regexString = pattern.slice(j, endOfRegexIndex + 1);
              regexps.push(trimRegExpStartAndEnd(regexString));
              j = endOfRegexIndex + 1;
            } else {
              regexps.push("(.*?)");
            }
            const staticPartStartIndex = j;
            for (; j < pattern.length; j++) {
              const charCode2 = pattern.charCodeAt(j);
              if (charCode2 === 47) break;
              if (charCode2 === 58) {
                const nextCharCode = pattern.charCodeAt(j + 1);
                if (nextCharCode === 58) j++;
                else break;
              }
            }
            let staticPart = pattern.slice(staticPartStartIndex, j);
            if (staticPart) {
              staticPart = staticPart.split("::").join(":");
              staticPart = staticPart.split("%").join("%25");
              regexps.push(escapeRegExp(staticPart));
            }
            lastParamStartIndex = j + 1;
            if (isEndOfNode || pattern.charCodeAt(j) === 47 || j === pattern.length) {
              const nodePattern = isRegexNode ? "()" + staticPart : staticPart;
              const nodePath = pattern.slice(i, j);
              pattern = pattern.slice(0, i + 1) + nodePattern + pattern.slice(j);
              i += nodePattern.length;
              const regex = isRegexNode ? new RegExp("^" + regexps.join("") + "$") : void 0;
              currentNode = currentNode.createParametricChild(regex, staticPart, nodePath);
              parentNodePathIndex = i + 1;
              break;
            }
          }
        }
      } else if (isWildcardNode) {
        params3.push("*");
        currentNode = currentNode.createWildcardChild();
        parentNodePathIndex = i + 1;
        if (i !== pattern.length - 1) {
          throw new Error("Wildcard must be the last character in the route");
        }
      }
    }
    if (!this.options.caseSensitive) {
      pattern = pattern.toLowerCase();
    }
    if (pattern === "*") {
      pattern = "/*";
    }
    for (const existRoute of this.routes) {
      if (existRoute.method === method && existRoute.pattern === pattern) {
        throw new Error(`Method '${method}' already declared for route '${pattern}'`);
      }
    }
    const route3 = {
      method,
      path,
      pattern,
      params: params3,
      handler
    };
    this.routes.push(route3);
    currentNode.addRoute(route3);
  }
  has(method, path) {
    const node = this.trees[method];
    if (node === void 0) {
      return false;
    }
    const staticNode = node.getStaticChild(path);
    if (staticNode === void 0) {
      return false;
    }
    return staticNode.isLeafNode;
  }
  find(method, path) {
    let currentNode = this.trees[method];
    if (currentNode === void 0) return void 0;
    if (path.charCodeAt(0) !== 47) {
      path = path.replace(FULL_PATH_REGEXP, "/");
    }
    if (this.options.ignoreDuplicateSlashes) {
      path = removeDuplicateSlashes(path);
    }
    let sanitizedUrl;
    let querystring;
    let shouldDecodeParam;
    try {
      sanitizedUrl = safeDecodeURI(path);
      path = sanitizedUrl.path;
      querystring = sanitizedUrl.querystring;
      shouldDecodeParam = sanitizedUrl.shouldDecodeParam;
    } catch (error) {
      return void 0;
    }
    if (this.options.ignoreTrailingSlash) {
      path = trimLastSlash(path);
    }
    const originPath = path;
    if (this.options.caseSensitive === false) {
      path = path.toLowerCase();
    }
    const maxParamLength = this.options.maxParamLength;
    let pathIndex = currentNode.prefix.length;
    const params3 = [];
    const pathLen = path.length;
    const brothersNodesStack = [];
    while (true) {
      if (pathIndex === pathLen && currentNode.isLeafNode) {
        const handle = currentNode.handlerStorage?.find();
        if (handle !== void 0) {
          return {
            handler: handle.handler,
            params: handle.createParams(params3),
            searchParams: parse2(querystring)
          };
        }
      }
      let node = currentNode.getNextNode(path, pathIndex, brothersNodesStack, params3.length);
      if (node === void 0) {
        if (brothersNodesStack.length === 0) {
          return void 0;
        }
        const brotherNodeState = brothersNodesStack.pop();
        pathIndex = brotherNodeState.brotherPathIndex;
        params3.splice(brotherNodeState.paramsCount);
        node = brotherNodeState.brotherNode;
      }
      currentNode = node;
      if (currentNode._tag === "StaticNode") {
        pathIndex += currentNode.prefix.length;
        continue;
      }
      if (currentNode._tag === "WildcardNode") {
        let param = originPath.slice(pathIndex);
        if (shouldDecodeParam) {
          param = safeDecodeURIComponent(param);
        }
        params3.push(param);
        pathIndex = pathLen;
        continue;
      }
      if (currentNode._tag === "ParametricNode") {
        let paramEndIndex = originPath.indexOf("/", pathIndex);
        if (paramEndIndex === -1) {
          paramEndIndex = pathLen;
        }
        let param = originPath.slice(pathIndex, paramEndIndex);
        if (shouldDecodeParam) {
          param = safeDecodeURIComponent(param);
        }
        if (currentNode.regex !== void 0) {
          const matchedParameters = currentNode.regex.exec(param);
          if (matchedParameters === null) continue;
          for (let i = 1; i < matchedParameters.length; i++) {
            const matchedParam = matchedParameters[i];
            if (matchedParam.length > maxParamLength) {
              return void 0;
            }
            params3.push(matchedParam);
          }
        } else {
          if (param.length > maxParamLength) {
            return void 0;
          }
          params3.push(param);
        }
        pathIndex = paramEndIndex;
      }
    }
  }
};
var HandlerStorage = class {
  handlers = [];
  unconstrainedHandler;
  find() {
    return this.unconstrainedHandler;
  }
  add(route3) {
    const handler = {
      params: route3.params,
      handler: route3.handler,
      createParams: compileCreateParams(route3.params)
    };
    this.handlers.push(handler);
    this.unconstrainedHandler = this.handlers[0];
  }
};
var NodeBase = class {
  isLeafNode = false;
  routes;
  handlerStorage;
  addRoute(route3) {
    if (this.routes === void 0) {
      this.routes = [route3];
    } else {
      this.routes.push(route3);
    }
    if (this.handlerStorage === void 0) {
      this.handlerStorage = new HandlerStorage();
    }
    this.isLeafNode = true;
    this.handlerStorage.add(route3);
  }
};
var ParentNode = class extends NodeBase {
  staticChildren = {};
  findStaticMatchingChild(path, pathIndex) {
    const staticChild = this.staticChildren[path.charAt(pathIndex)];
    if (staticChild === void 0 || !staticChild.matchPrefix(path, pathIndex)) {
      return void 0;
    }
    return staticChild;
  }
  getStaticChild(path, pathIndex = 0) {
    if (path.length === pathIndex) {
      return this;
    }
    const staticChild = this.findStaticMatchingChild(path, pathIndex);
    if (staticChild === void 0) {
      return void 0;
    }
    return staticChild.getStaticChild(path, pathIndex + staticChild.prefix.length);
  }
  createStaticChild(path) {
    if (path.length === 0) {
      return this;
    }
    let staticChild = this.staticChildren[path.charAt(0)];
    if (staticChild) {
      let i = 1;
      for (; i < staticChild.prefix.length; i++) {
        if (path.charCodeAt(i) !== staticChild.prefix.charCodeAt(i)) {
          staticChild = staticChild.split(this, i);
          break;
        }
      }
      return staticChild.createStaticChild(path.slice(i));
    }
    const label = path.charAt(0);
    this.staticChildren[label] = new StaticNode(path);
    return this.staticChildren[label];
  }
};
var StaticNode = class _StaticNode extends ParentNode {
  _tag = "StaticNode";
  constructor(prefix) {
    super();
    this.setPrefix(prefix);
  }
  prefix;
  matchPrefix;
  parametricChildren = [];
  wildcardChild;
  setPrefix(prefix) {
    this.prefix = prefix;
    if (prefix.length === 1) {
      this.matchPrefix = (_path, _pathIndex) => true;
    } else {
      const len = prefix.length;
      this.matchPrefix = function(path, pathIndex) {
        for (let i = 1; i < len; i++) {
          if (path.charCodeAt(pathIndex + i) !== this.prefix.charCodeAt(i)) {
            return false;
          }
        }
        return true;
      };
    }
  }
  getParametricChild(regex) {
    if (regex === void 0) {
      return this.parametricChildren.find((child) => child.isRegex === false);
    }
    const source = regex.source;
    return this.parametricChildren.find((child) => {
      if (child.regex === void 0) {
        return false;
      }
      return child.regex.source === source;
    });
  }
  createParametricChild(regex, staticSuffix, nodePath) {
    let child = this.getParametricChild(regex);
    if (child !== void 0) {
      child.nodePaths.add(nodePath);
      return child;
    }
    child = new ParametricNode(regex, staticSuffix, nodePath);
    this.parametricChildren.push(child);
    this.parametricChildren.sort((child1, child2) => {
      if (!child1.isRegex) return 1;
      if (!child2.isRegex) return -1;
      if (child1.staticSuffix === void 0) return 1;
      if (child2.staticSuffix === void 0) return -1;
      if (child2.staticSuffix.endsWith(child1.staticSuffix)) return 1;
      if (child1.staticSuffix.endsWith(child2.staticSuffix)) return -1;
      return 0;
    });
    return child;
  }
  createWildcardChild() {
    if (this.wildcardChild === void 0) {
      this.wildcardChild = new WildcardNode();
    }
    return this.wildcardChild;
  }
  split(parentNode, length) {
    const parentPrefix = this.prefix.slice(0, length);
    const childPrefix = this.prefix.slice(length);
    this.setPrefix(childPrefix);
    const staticNode = new _StaticNode(parentPrefix);
    staticNode.staticChildren[childPrefix.charAt(0)] = this;
    parentNode.staticChildren[parentPrefix.charAt(0)] = staticNode;
    return staticNode;
  }
  getNextNode(path, pathIndex, nodeStack, paramsCount) {
    let node = this.findStaticMatchingChild(path, pathIndex);
    let parametricBrotherNodeIndex = 0;
    if (node === void 0) {
      if (this.parametricChildren.length === 0) {
        return this.wildcardChild;
      }
      node = this.parametricChildren[0];
      parametricBrotherNodeIndex = 1;
    }
    if (this.wildcardChild !== void 0) {
      nodeStack.push({
        paramsCount,
        brotherPathIndex: pathIndex,
        brotherNode: this.wildcardChild
      });
    }
    for (let i = this.parametricChildren.length - 1; i >= parametricBrotherNodeIndex; i--) {
      nodeStack.push({
        paramsCount,
        brotherPathIndex: pathIndex,
        brotherNode: this.parametricChildren[i]
      });
    }
    return node;
  }
};
var ParametricNode = class extends ParentNode {
  regex;
  staticSuffix;
  _tag = "ParametricNode";
  constructor(regex, staticSuffix, nodePath) {
    super();
    this.regex = regex;
    this.staticSuffix = staticSuffix;
    this.isRegex = !!regex;
    this.nodePaths = /* @__PURE__ */ new Set([nodePath]);
  }
  isRegex;
  nodePaths;
  getNextNode(path, pathIndex) {
    return this.findStaticMatchingChild(path, pathIndex);
  }
};
var WildcardNode = class extends NodeBase {
  _tag = "WildcardNode";
  getNextNode(_path, _pathIndex, _nodeStack, _paramsCount) {
    return void 0;
  }
};
var assert = (condition, message) => {
  if (!condition) {
    throw new Error(message);
  }
};
function removeDuplicateSlashes(path) {
  return path.replace(/\/\/+/g, "/");
}
function trimLastSlash(path) {
  if (path.length > 1 && path.charCodeAt(path.length - 1) === 47) {
    return path.slice(0, -1);
  }
  return path;
}
function compileCreateParams(params3) {
  const len = params3.length;
  return function(paramsArray) {
    const paramsObject = {};
    for (let i = 0; i < len; i++) {
      paramsObject[params3[i]] = paramsArray[i];
    }
    return paramsObject;
  };
}
function getClosingParenthensePosition(path, idx) {
  let parentheses = 1;
  while (idx < path.length) {
    idx++;
    if (path[idx] === "\\") {
      idx++;
      continue;
    }
    if (path[idx] === ")") {
      parentheses--;
    } else if (path[idx] === "(") {
      parentheses++;
    }
    if (!parentheses) return idx;
  }
  throw new TypeError('Invalid regexp expression in "' + path + '"');
}
function trimRegExpStartAndEnd(regexString) {
  if (regexString.charCodeAt(1) === 94) {
    regexString = regexString.slice(0, 1) + regexString.slice(2);
  }
  if (regexString.charCodeAt(regexString.length - 2) === 36) {
    regexString = regexString.slice(0, regexString.length - 2) + regexString.slice(regexString.length - 1);
  }
  return regexString;
}
function escapeRegExp(string) {
  return string.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function decodeComponentChar(highCharCode, lowCharCode) {
  if (highCharCode === 50) {
    if (lowCharCode === 53) return "%";
    if (lowCharCode === 51) return "#";
    if (lowCharCode === 52) return "$";
    if (lowCharCode === 54) return "&";
    if (lowCharCode === 66) return "+";
    if (lowCharCode === 98) return "+";
    if (lowCharCode === 67) return ",";
    if (lowCharCode === 99) return ",";
    if (lowCharCode === 70) return "/";
    if (lowCharCode === 102) return "/";
    return void 0;
  }
  if (highCharCode === 51) {
    if (lowCharCode === 65) return ":";
    if (lowCharCode === 97) return ":";
    if (lowCharCode === 66) return ";";
    if (lowCharCode === 98) return ";";
    if (lowCharCode === 68) return "=";
    if (lowCharCode === 100) return "=";
    if (lowCharCode === 70) return "?";
    if (lowCharCode === 102) return "?";
    return void 0;
  }
  if (highCharCode === 52 && lowCharCode === 48) {
    return "@";
  }
  return void 0;
}
function safeDecodeURI(path) {
  let shouldDecode = false;
  let shouldDecodeParam = false;
  let querystring = "";
  for (let i = 1; i < path.length; i++) {
    const charCode = path.charCodeAt(i);
    if (charCode === 37) {
      const highCharCode = path.charCodeAt(i + 1);
      const lowCharCode = path.charCodeAt(i + 2);
      if (decodeComponentChar(highCharCode, lowCharCode) === void 0) {
        shouldDecode = true;
      } else {
        shouldDecodeParam = true;
        if (highCharCode === 50 && lowCharCode === 53) {
          shouldDecode = true;
          path = path.slice(0, i + 1) + "25" + path.slice(i + 1);
          i += 2;
        }
        i += 2;
      }
    } else if (charCode === 63 || charCode === 59 || charCode === 35) {
      querystring = path.slice(i + 1);
      path = path.slice(0, i);
      break;
    }
  }
  const decodedPath = shouldDecode ? decodeURI(path) : path;
  return {
    path: decodedPath,
    querystring,
    shouldDecodeParam
  };
}
function safeDecodeURIComponent(uriComponent) {
  const startIndex = uriComponent.indexOf("%");
  if (startIndex === -1) return uriComponent;
  let decoded = "";
  let lastIndex = startIndex;
  for (let i = startIndex; i < uriComponent.length; i++) {
    if (uriComponent.charCodeAt(i) === 37) {
      const highCharCode = uriComponent.charCodeAt(i + 1);
      const lowCharCode = uriComponent.charCodeAt(i + 2);
      const decodedChar = decodeComponentChar(highCharCode, lowCharCode);
      decoded += uriComponent.slice(lastIndex, i) + decodedChar;
      lastIndex = i + 3;
    }
  }
  return uriComponent.slice(0, startIndex) + decoded + uriComponent.slice(lastIndex);
}
var httpMethods = ["ACL", "BIND", "CHECKOUT", "CONNECT", "COPY", "DELETE", "GET", "HEAD", "LINK", "LOCK", "M-SEARCH", "MERGE", "MKACTIVITY", "MKCALENDAR", "MKCOL", "MOVE", "NOTIFY", "OPTIONS", "PATCH", "POST", "PROPFIND", "PROPPATCH", "PURGE", "PUT", "REBIND", "REPORT", "SEARCH", "SOURCE", "SUBSCRIBE", "TRACE", "UNBIND", "UNLINK", "UNLOCK", "UNSUBSCRIBE"];

// node_modules/find-my-way-ts/dist/esm/index.js
var make16 = make15;

// node_modules/@effect/platform/dist/esm/internal/httpPlatform.js
var TypeId12 = /* @__PURE__ */ Symbol.for("@effect/platform/HttpPlatform");
var tag2 = /* @__PURE__ */ GenericTag("@effect/platform/HttpPlatform");
var make17 = (impl) => gen(function* () {
  const fs = yield* FileSystem;
  const etagGen = yield* Generator;
  return tag2.of({
    [TypeId12]: TypeId12,
    fileResponse(path, options3) {
      return pipe(bindTo(fs.stat(path), "info"), bind("etag", ({
        info
      }) => etagGen.fromFileInfo(info)), map5(({
        etag,
        info
      }) => {
        const start = Number(options3?.offset ?? 0);
        const end = options3?.bytesToRead !== void 0 ? start + Number(options3.bytesToRead) : void 0;
        const headers = set4(options3?.headers ? fromInput(options3.headers) : empty5, "etag", toString2(etag));
        if (info.mtime._tag === "Some") {
          ;
          headers["last-modified"] = info.mtime.value.toUTCString();
        }
        const contentLength = end !== void 0 ? end - start : Number(info.size) - start;
        return impl.fileResponse(path, options3?.status ?? 200, options3?.statusText, headers, start, end, contentLength);
      }));
    },
    fileWebResponse(file4, options3) {
      return map5(etagGen.fromFileWeb(file4), (etag) => {
        const headers = merge3(options3?.headers ? fromInput(options3.headers) : empty5, unsafeFromRecord({
          etag: toString2(etag),
          "last-modified": new Date(file4.lastModified).toUTCString()
        }));
        return impl.fileWebResponse(file4, options3?.status ?? 200, options3?.statusText, headers, options3);
      });
    }
  });
});

// node_modules/@effect/platform/dist/esm/internal/httpServer.js
var TypeId13 = /* @__PURE__ */ Symbol.for("@effect/platform/HttpServer");
var serverTag = /* @__PURE__ */ GenericTag("@effect/platform/HttpServer");
var serverProto = {
  [TypeId13]: TypeId13
};
var make18 = (options3) => Object.assign(Object.create(serverProto), options3);
var serve = /* @__PURE__ */ dual((args) => isEffect(args[0]), (httpApp, middleware2) => scopedDiscard(flatMap(serverTag, (server) => server.serve(httpApp, middleware2))));
var formatAddress = (address) => {
  switch (address._tag) {
    case "UnixAddress":
      return `unix://${address.path}`;
    case "TcpAddress":
      return `http://${address.hostname}:${address.port}`;
  }
};
var addressFormattedWith = (effect2) => flatMap(serverTag, (server) => effect2(formatAddress(server.address)));
var logAddress = /* @__PURE__ */ addressFormattedWith((_) => log(`Listening on ${_}`));
var withLogAddress = (layer5) => effectDiscard(logAddress).pipe(provideMerge(layer5));

// node_modules/@effect/platform/dist/esm/HttpServer.js
var HttpServer = serverTag;
var make19 = make18;
var serve2 = serve;
var withLogAddress2 = withLogAddress;

// node_modules/@effect/platform/dist/esm/internal/httpRouter.js
var TypeId14 = /* @__PURE__ */ Symbol.for("@effect/platform/HttpRouter");
var RouteTypeId = /* @__PURE__ */ Symbol.for("@effect/platform/HttpRouter/Route");
var RouteContextTypeId = /* @__PURE__ */ Symbol.for("@effect/platform/HttpRouter/RouteContext");
var RouteContext = /* @__PURE__ */ GenericTag("@effect/platform/HttpRouter/RouteContext");
var isRouter = (u) => hasProperty(u, TypeId14);
var params = /* @__PURE__ */ map5(RouteContext, (_) => _.params);
var schemaJson5 = (schema, options3) => {
  const parse3 = decodeUnknown(schema, options3);
  return flatMap(context(), (context2) => {
    const request = get(context2, HttpServerRequest);
    const searchParams = get(context2, ParsedSearchParams);
    const routeContext = get(context2, RouteContext);
    return flatMap(request.json, (body) => parse3({
      method: request.method,
      url: request.url,
      headers: request.headers,
      cookies: request.cookies,
      pathParams: routeContext.params,
      searchParams,
      body
    }));
  });
};
var schemaNoBody = (schema, options3) => {
  const parse3 = decodeUnknown(schema, options3);
  return flatMap(context(), (context2) => {
    const request = get(context2, HttpServerRequest);
    const searchParams = get(context2, ParsedSearchParams);
    const routeContext = get(context2, RouteContext);
    return parse3({
      method: request.method,
      url: request.url,
      headers: request.headers,
      cookies: request.cookies,
      pathParams: routeContext.params,
      searchParams
    });
  });
};
var schemaParams = (schema, options3) => {
  const parse3 = decodeUnknown(schema, options3);
  return flatMap(context(), (context2) => {
    const searchParams = get(context2, ParsedSearchParams);
    const routeContext = get(context2, RouteContext);
    return parse3({
      ...searchParams,
      ...routeContext.params
    });
  });
};
var schemaPathParams = (schema, options3) => {
  const parse3 = decodeUnknown(schema, options3);
  return flatMap(RouteContext, (_) => parse3(_.params));
};
var currentRouterConfig = /* @__PURE__ */ globalValue("@effect/platform/HttpRouter/currentRouterConfig", () => unsafeMake3({}));
var withRouterConfig = /* @__PURE__ */ dual(2, (effect2, config) => locally(effect2, currentRouterConfig, config));
var setRouterConfig = (config) => locallyScoped(currentRouterConfig, config);
var RouterImpl2 = class extends StructuralClass {
  routes;
  mounts;
  [TypeId14];
  constructor(routes, mounts) {
    super();
    this.routes = routes;
    this.mounts = mounts;
    this[TypeId14] = TypeId14;
    this.httpApp = toHttpApp(this).pipe(flatMap((app) => this.httpApp = app));
  }
  httpApp;
  commit() {
    return this.httpApp;
  }
  toJSON() {
    return {
      _id: "Router",
      routes: this.routes.toJSON(),
      mounts: this.mounts.toJSON()
    };
  }
  toString() {
    return format(this);
  }
  [NodeInspectSymbol]() {
    return this.toJSON();
  }
};
var toHttpApp = (self) => map5(get2(currentRouterConfig), (config) => {
  const router = make16(config);
  const mounts = toReadonlyArray(self.mounts).map(([path, app, options3]) => [path, new RouteContextImpl(new RouteImpl("*", options3?.includePrefix ? `${path}/*` : "/*", app, options3?.includePrefix ? none() : some(path), false), {}), options3]);
  const mountsLen = mounts.length;
  forEach(self.routes, (route3) => {
    if (route3.method === "*") {
      router.all(route3.path, route3);
    } else {
      router.on(route3.method, route3.path, route3);
    }
  });
  return withFiberRuntime((fiber) => {
    const context2 = unsafeMake(new Map(fiber.getFiberRef(currentContext).unsafeMap));
    const request = unsafeGet(context2, HttpServerRequest);
    if (mountsLen > 0) {
      const searchIndex = request.url.indexOf("?");
      const pathname = searchIndex === -1 ? request.url : request.url.slice(0, searchIndex);
      for (let i = 0; i < mountsLen; i++) {
        const [path, routeContext, options3] = mounts[i];
        if (pathname === path || pathname.startsWith(path + "/")) {
          context2.unsafeMap.set(RouteContext.key, routeContext);
          if (options3?.includePrefix !== true) {
            context2.unsafeMap.set(HttpServerRequest.key, sliceRequestUrl(request, path));
          }
          return locally(flatMap(routeContext.route.handler, toResponse), currentContext, context2);
        }
      }
    }
    let result = router.find(request.method, request.url);
    if (result === void 0 && request.method === "HEAD") {
      result = router.find("GET", request.url);
    }
    if (result === void 0) {
      return fail2(new RouteNotFound({
        request
      }));
    }
    const route3 = result.handler;
    if (route3.prefix._tag === "Some") {
      context2.unsafeMap.set(HttpServerRequest.key, sliceRequestUrl(request, route3.prefix.value));
    }
    context2.unsafeMap.set(ParsedSearchParams.key, result.searchParams);
    context2.unsafeMap.set(RouteContext.key, new RouteContextImpl(route3, result.params));
    const span = getOption(context2, ParentSpan);
    if (span._tag === "Some" && span.value._tag === "Span") {
      span.value.attribute("http.route", route3.path);
    }
    const handlerResponse = flatMap(route3.handler, toResponse);
    return locally(route3.uninterruptible ? handlerResponse : interruptible(handlerResponse), currentContext, context2);
  });
});
function sliceRequestUrl(request, prefix) {
  const prefexLen = prefix.length;
  return request.modify({
    url: request.url.length <= prefexLen ? "/" : request.url.slice(prefexLen)
  });
}
var RouteImpl = class extends Class {
  method;
  path;
  handler;
  prefix;
  uninterruptible;
  [RouteTypeId];
  constructor(method, path, handler, prefix = none(), uninterruptible2 = false) {
    super();
    this.method = method;
    this.path = path;
    this.handler = handler;
    this.prefix = prefix;
    this.uninterruptible = uninterruptible2;
    this[RouteTypeId] = RouteTypeId;
  }
  toJSON() {
    return {
      _id: "@effect/platform/HttpRouter/Route",
      method: this.method,
      path: this.path,
      prefix: this.prefix.toJSON()
    };
  }
};
var RouteContextImpl = class {
  route;
  params;
  [RouteContextTypeId];
  constructor(route3, params3) {
    this.route = route3;
    this.params = params3;
    this[RouteContextTypeId] = RouteContextTypeId;
  }
};
var empty9 = /* @__PURE__ */ new RouterImpl2(/* @__PURE__ */ empty2(), /* @__PURE__ */ empty2());
var fromIterable5 = (routes) => new RouterImpl2(fromIterable2(routes), empty2());
var makeRoute = (method, path, handler, options3) => new RouteImpl(method, path, handler, options3?.prefix ? some(options3.prefix) : none(), options3?.uninterruptible ?? false);
var append3 = /* @__PURE__ */ dual(2, (self, route3) => new RouterImpl2(append(self.routes, route3), self.mounts));
var concat = /* @__PURE__ */ dual(2, (self, that) => concatAll(self, that));
var concatAll = (...routers) => new RouterImpl2(routers.reduce((cur, acc) => appendAll(cur, acc.routes), empty2()), routers.reduce((cur, acc) => appendAll(cur, acc.mounts), empty2()));
var removeTrailingSlash = (path) => path.endsWith("/") ? path.slice(0, -1) : path;
var prefixPath = /* @__PURE__ */ dual(2, (self, prefix) => {
  prefix = removeTrailingSlash(prefix);
  return self === "/" ? prefix : prefix + self;
});
var prefixAll = /* @__PURE__ */ dual(2, (self, prefix) => {
  prefix = removeTrailingSlash(prefix);
  return new RouterImpl2(map4(self.routes, (route3) => new RouteImpl(route3.method, route3.path === "/" ? prefix : prefix + route3.path, route3.handler, orElse(map2(route3.prefix, (_) => prefix + _), () => some(prefix)), route3.uninterruptible)), map4(self.mounts, ([path, app]) => [path === "/" ? prefix : prefix + path, app]));
});
var mount = /* @__PURE__ */ dual(3, (self, path, that) => concat(self, prefixAll(that, path)));
var mountApp = /* @__PURE__ */ dual((args) => hasProperty(args[0], TypeId14), (self, path, that, options3) => new RouterImpl2(self.routes, append(self.mounts, [removeTrailingSlash(path), that, options3])));
var route = (method) => dual((args) => isRouter(args[0]), (self, path, handler, options3) => new RouterImpl2(append(self.routes, new RouteImpl(method, path, handler, none(), options3?.uninterruptible ?? false)), self.mounts));
var all2 = /* @__PURE__ */ route("*");
var get4 = /* @__PURE__ */ route("GET");
var post = /* @__PURE__ */ route("POST");
var put = /* @__PURE__ */ route("PUT");
var patch = /* @__PURE__ */ route("PATCH");
var del = /* @__PURE__ */ route("DELETE");
var head = /* @__PURE__ */ route("HEAD");
var options = /* @__PURE__ */ route("OPTIONS");
var use = /* @__PURE__ */ dual(2, (self, f) => new RouterImpl2(map4(self.routes, (route3) => new RouteImpl(route3.method, route3.path, f(flatMap(route3.handler, toResponse)), route3.prefix, route3.uninterruptible)), map4(self.mounts, ([path, app]) => [path, f(app)])));
var transform2 = /* @__PURE__ */ dual(2, (self, f) => new RouterImpl2(map4(self.routes, (route3) => new RouteImpl(route3.method, route3.path, f(route3.handler), route3.prefix, route3.uninterruptible)), map4(self.mounts, ([path, app]) => [path, flatMap(f(app), toResponse)])));
var catchAll2 = /* @__PURE__ */ dual(2, (self, f) => transform2(self, catchAll(f)));
var catchAllCause2 = /* @__PURE__ */ dual(2, (self, f) => transform2(self, catchAllCause(f)));
var catchTag2 = /* @__PURE__ */ dual(3, (self, k, f) => transform2(self, catchTag(k, f)));
var catchTags2 = /* @__PURE__ */ dual(2, (self, cases) => use(self, catchTags(cases)));
var provideService2 = /* @__PURE__ */ dual(3, (self, tag3, service) => use(self, provideService(tag3, service)));
var provideServiceEffect2 = /* @__PURE__ */ dual(3, (self, tag3, effect2) => use(self, provideServiceEffect(tag3, effect2)));
var makeService = () => {
  let router = empty9;
  return {
    addRoute(route3) {
      return sync(() => {
        router = append3(router, route3);
      });
    },
    all(path, handler, options3) {
      return sync(() => {
        router = all2(router, path, handler, options3);
      });
    },
    get(path, handler, options3) {
      return sync(() => {
        router = get4(router, path, handler, options3);
      });
    },
    post(path, handler, options3) {
      return sync(() => {
        router = post(router, path, handler, options3);
      });
    },
    put(path, handler, options3) {
      return sync(() => {
        router = put(router, path, handler, options3);
      });
    },
    patch(path, handler, options3) {
      return sync(() => {
        router = patch(router, path, handler, options3);
      });
    },
    del(path, handler, options3) {
      return sync(() => {
        router = del(router, path, handler, options3);
      });
    },
    head(path, handler, options3) {
      return sync(() => {
        router = head(router, path, handler, options3);
      });
    },
    options(path, handler, opts) {
      return sync(() => {
        router = options(router, path, handler, opts);
      });
    },
    router: sync(() => router),
    mount(path, that) {
      return sync(() => {
        router = mount(router, path, that);
      });
    },
    mountApp(path, app, options3) {
      return sync(() => {
        router = mountApp(router, path, app, options3);
      });
    },
    concat(that) {
      return sync(() => {
        router = concat(router, that);
      });
    }
  };
};
var Tag2 = (id) => () => {
  const Err = globalThis.Error;
  const limit = Err.stackTraceLimit;
  Err.stackTraceLimit = 2;
  const creationError = new Err();
  Err.stackTraceLimit = limit;
  function TagClass() {
  }
  const TagClass_ = TagClass;
  Object.setPrototypeOf(TagClass, Object.getPrototypeOf(GenericTag(id)));
  TagClass.key = id;
  Object.defineProperty(TagClass, "stack", {
    get() {
      return creationError.stack;
    }
  });
  TagClass_.Live = sync2(TagClass_, makeService);
  TagClass_.router = flatMap(TagClass_, (_) => _.router);
  TagClass_.use = (f) => TagClass_.pipe(flatMap(f), scopedDiscard, provide(TagClass_.Live));
  TagClass_.unwrap = (f) => TagClass_.pipe(flatMap((_) => _.router), map5(f), unwrapEffect, provide(TagClass_.Live));
  TagClass_.serve = (middleware2) => TagClass_.unwrap(serve2(middleware2));
  return TagClass;
};

// node_modules/@effect/platform/dist/esm/HttpRouter.js
var TypeId15 = TypeId14;
var RouteTypeId2 = RouteTypeId;
var RouteContextTypeId2 = RouteContextTypeId;
var RouteContext2 = RouteContext;
var params2 = params;
var schemaJson6 = schemaJson5;
var schemaNoBody2 = schemaNoBody;
var schemaParams2 = schemaParams;
var schemaPathParams2 = schemaPathParams;
var currentRouterConfig2 = currentRouterConfig;
var withRouterConfig2 = withRouterConfig;
var setRouterConfig2 = setRouterConfig;
var empty10 = empty9;
var fromIterable6 = fromIterable5;
var makeRoute2 = makeRoute;
var prefixPath2 = prefixPath;
var prefixAll2 = prefixAll;
var append4 = append3;
var concat2 = concat;
var concatAll2 = concatAll;
var mount2 = mount;
var mountApp2 = mountApp;
var route2 = route;
var all3 = all2;
var get5 = get4;
var post2 = post;
var patch2 = patch;
var put2 = put;
var del2 = del;
var head2 = head;
var options2 = options;
var use2 = use;
var transform3 = transform2;
var catchAll3 = catchAll2;
var catchAllCause3 = catchAllCause2;
var catchTag3 = catchTag2;
var catchTags3 = catchTags2;
var provideService3 = provideService2;
var provideServiceEffect3 = provideServiceEffect2;
var Tag3 = Tag2;
var Default = class extends (/* @__PURE__ */ Tag3("@effect/platform/HttpRouter/Default")()) {
};
var toHttpApp2 = toHttpApp;

// node_modules/@effect/platform/dist/esm/HttpLayerRouter.js
var HttpRouter = /* @__PURE__ */ GenericTag("@effect/platform/HttpLayerRouter");
var MiddlewareTypeId = /* @__PURE__ */ Symbol.for("@effect/platform/HttpLayerRouter/Middleware");
var middleware = function() {
  if (arguments.length === 0) {
    return makeMiddleware;
  }
  return makeMiddleware(arguments[0], arguments[1]);
};
var makeMiddleware = (middleware2, options3) => options3?.global ? scopedDiscard(gen(function* () {
  const router = yield* HttpRouter;
  const fn = isEffect(middleware2) ? yield* middleware2 : middleware2;
  yield* router.addGlobalMiddleware(fn);
})) : new MiddlewareImpl(isEffect(middleware2) ? scopedContext(map5(middleware2, (fn) => unsafeMake(/* @__PURE__ */ new Map([[fnContextKey, fn]])))) : succeedContext(unsafeMake(/* @__PURE__ */ new Map([[fnContextKey, middleware2]]))));
var middlewareId = 0;
var fnContextKey = "@effect/platform/HttpLayerRouter/MiddlewareFn";
var MiddlewareImpl = class _MiddlewareImpl {
  layerFn;
  dependencies;
  [MiddlewareTypeId] = {};
  constructor(layerFn, dependencies) {
    this.layerFn = layerFn;
    this.dependencies = dependencies;
    const contextKey = `@effect/platform/HttpLayerRouter/Middleware-${++middlewareId}`;
    this.layer = scopedContext(gen(this, function* () {
      const context2 = yield* context();
      const stack = [context2.unsafeMap.get(fnContextKey)];
      if (this.dependencies) {
        const memoMap = yield* CurrentMemoMap;
        const scope2 = get(context2, Scope);
        const depsContext = yield* buildWithMemoMap(this.dependencies, memoMap, scope2);
        stack.push(...getMiddleware(depsContext));
      }
      return unsafeMake(/* @__PURE__ */ new Map([[contextKey, stack]]));
    })).pipe(provide(this.layerFn));
  }
  layer;
  combine(other) {
    return new _MiddlewareImpl(this.layerFn, this.dependencies ? provideMerge(this.dependencies, other.layer) : other.layer);
  }
};
var middlewareCache = /* @__PURE__ */ new WeakMap();
var getMiddleware = (context2) => {
  let arr = middlewareCache.get(context2);
  if (arr) return arr;
  const topLevel = empty();
  let maxLength = 0;
  for (const [key, value] of context2.unsafeMap) {
    if (key.startsWith("@effect/platform/HttpLayerRouter/Middleware-")) {
      topLevel.push(value);
      if (value.length > maxLength) {
        maxLength = value.length;
      }
    }
  }
  if (topLevel.length === 0) {
    arr = [];
  } else {
    const middleware2 = /* @__PURE__ */ new Set();
    for (let i = maxLength - 1; i >= 0; i--) {
      for (const arr2 of topLevel) {
        if (i < arr2.length) {
          middleware2.add(arr2[i]);
        }
      }
    }
    arr = fromIterable(middleware2).reverse();
  }
  middlewareCache.set(context2, arr);
  return arr;
};
var disableLogger = middleware(withLoggerDisabled2).layer;

// node_modules/@effect/platform/dist/esm/HttpPlatform.js
var HttpPlatform = tag2;
var make20 = make17;

// node_modules/@effect/platform/dist/esm/SocketServer.js
var SocketServer = class extends (/* @__PURE__ */ Tag("@effect/platform/SocketServer")()) {
};
var ErrorTypeId4 = /* @__PURE__ */ Symbol.for("@effect/platform/SocketServer/SocketServerError");
var SocketServerError = class extends (/* @__PURE__ */ TaggedError("SocketServerError")) {
  /**
   * @since 1.0.0
   */
  [ErrorTypeId4] = ErrorTypeId4;
  /**
   * @since 1.0.0
   */
  get message() {
    return this.reason;
  }
};

// node_modules/@effect/platform/dist/esm/internal/workerRunner.js
var PlatformRunner = /* @__PURE__ */ GenericTag("@effect/platform/Runner/PlatformRunner");
var CloseLatch = /* @__PURE__ */ Reference()("@effect/platform/WorkerRunner/CloseLatch", {
  defaultValue: () => unsafeMake2(none2)
});

// node_modules/@effect/platform/dist/esm/WorkerRunner.js
var PlatformRunner2 = PlatformRunner;
var CloseLatch2 = CloseLatch;

export {
  isEmpty,
  toSetCookieHeaders,
  parseHeader,
  layer2 as layer,
  layerWeak2 as layerWeak,
  empty5 as empty,
  fromInput,
  unsafeFromRecord,
  merge3 as merge,
  fromInput2,
  TypeId2 as TypeId,
  MaxBodySize,
  withMaxBodySize,
  inspect,
  empty8 as empty2,
  uint8Array3 as uint8Array,
  text3 as text,
  unsafeJson3 as unsafeJson,
  raw3 as raw,
  stream5 as stream,
  HttpServerResponse_exports,
  RequestError,
  isServerError2 as isServerError,
  ResponseError,
  ServeError,
  clientAbortFiberId2 as clientAbortFiberId,
  causeResponse2 as causeResponse,
  make12 as make,
  decodeField2 as decodeField,
  TypeId8 as TypeId2,
  MultipartError,
  makeConfig,
  toPersisted,
  CloseEvent,
  fromWebSocket,
  TypeId11 as TypeId3,
  HttpServerRequest,
  toHandled,
  toWebHandlerLayerWith,
  make14 as make2,
  cors2 as cors,
  make16 as make3,
  HttpServer,
  make19 as make4,
  withLogAddress2 as withLogAddress,
  Default,
  HttpRouter_exports,
  HttpRouter,
  HttpPlatform,
  make20 as make5,
  SocketServer,
  PlatformRunner2 as PlatformRunner,
  CloseLatch2 as CloseLatch
};
