import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  QuitException,
  Terminal,
  isQuitException
} from "./chunk-3G4U7EKN.js";
import {
  CommitPrototype,
  Date$,
  Effect_exports,
  FileSystem,
  GenericTag,
  Int,
  Literal,
  NumberFromString,
  Option_exports,
  Path,
  String$,
  TreeFormatter,
  __commonJS,
  __export,
  __toESM,
  _void,
  allLevels,
  allocate,
  append,
  appendAll,
  as,
  asVoid2 as asVoid,
  boolean,
  cached,
  catchAll,
  catchIf,
  catchSome,
  catchTag,
  catchTags,
  combine,
  compose,
  cons,
  contains,
  contextWithEffect,
  decode2 as decode,
  decodeUnknown2 as decodeUnknown,
  die3 as die,
  dieMessage,
  drop,
  dual,
  empty,
  empty4 as empty2,
  ensuring,
  equals,
  error,
  every,
  fail3 as fail,
  failSync,
  filter2 as filter,
  filter3 as filter2,
  filterMap,
  filterOrDieMessage,
  findFirst,
  findFirstIndex,
  findLast,
  flatMap,
  flatMap2,
  flatMap3,
  flatten,
  fnUntraced,
  forEach2 as forEach,
  fromIterable,
  fromIterable3 as fromIterable2,
  fromIterable4 as fromIterable3,
  fromNullable,
  fromString,
  gen,
  get2 as get,
  get3 as get2,
  get7 as get3,
  getOption,
  getOrElse,
  getOrThrow,
  getSomes,
  globalValue,
  has2 as has,
  hash,
  head,
  headNonEmpty,
  identity,
  int,
  is,
  isArray,
  isConfig,
  isConfigError,
  isEffect,
  isEmpty,
  isEmptyReadonlyArray,
  isMissingDataOnly,
  isNil,
  isNonEmptyReadonlyArray,
  isNone,
  isObject,
  isOption,
  isSome,
  isTagged,
  join,
  left,
  log2 as log,
  make13 as make4,
  make19 as make5,
  make2 as make,
  make7 as make2,
  make8 as make3,
  map2 as map,
  map4 as map2,
  map7 as map3,
  mapBoth,
  mapError,
  mapInput,
  match,
  match2,
  match3,
  matchEffect,
  matchLeft,
  matchRight,
  merge,
  none,
  of,
  of3 as of2,
  orDie,
  orElse,
  orElse2,
  orElse3,
  orElseFail,
  pipe,
  pipeArguments,
  prepend,
  provide,
  provideService,
  provideServiceEffect,
  reduce,
  reduceRight,
  repeatN,
  right,
  round,
  runSync,
  scoped,
  set3 as set,
  some,
  some2,
  sort,
  span,
  splitAt,
  string,
  string2,
  succeed3 as succeed,
  suspend,
  symbol,
  symbol2,
  sync,
  taggedEnum,
  tailNonEmpty,
  take,
  tap,
  toStringUnknown,
  try_,
  unify,
  unlessEffect,
  unsafeGet,
  update,
  updateAndGet,
  updateEffect,
  value,
  when,
  when2,
  withMinimumLogLevel,
  zip,
  zipLeft,
  zipRight,
  zipWith
} from "./chunk-S5EEIEDT.js";

// node_modules/@effect/cli/node_modules/ini/lib/ini.js
var require_ini = __commonJS({
  "node_modules/@effect/cli/node_modules/ini/lib/ini.js"(exports, module) {
    "use strict";
    var { hasOwnProperty } = Object.prototype;
    var encode = (obj, opt2 = {}) => {
      if (typeof opt2 === "string") {
        opt2 = { section: opt2 };
      }
      opt2.align = opt2.align === true;
      opt2.newline = opt2.newline === true;
      opt2.sort = opt2.sort === true;
      opt2.whitespace = opt2.whitespace === true || opt2.align === true;
      opt2.platform = opt2.platform || typeof process !== "undefined" && process.platform;
      opt2.bracketedArray = opt2.bracketedArray !== false;
      const eol = opt2.platform === "win32" ? "\r\n" : "\n";
      const separator = opt2.whitespace ? " = " : "=";
      const children = [];
      const keys = opt2.sort ? Object.keys(obj).sort() : Object.keys(obj);
      let padToChars = 0;
      if (opt2.align) {
        padToChars = safe(
          keys.filter((k) => obj[k] === null || Array.isArray(obj[k]) || typeof obj[k] !== "object").map((k) => Array.isArray(obj[k]) ? `${k}[]` : k).concat([""]).reduce((a, b) => safe(a).length >= safe(b).length ? a : b)
        ).length;
      }
      let out = "";
      const arraySuffix = opt2.bracketedArray ? "[]" : "";
      for (const k of keys) {
        const val = obj[k];
        if (val && Array.isArray(val)) {
          for (const item of val) {
            out += safe(`${k}${arraySuffix}`).padEnd(padToChars, " ") + separator + safe(item) + eol;
          }
        } else if (val && typeof val === "object") {
          children.push(k);
        } else {
          out += safe(k).padEnd(padToChars, " ") + separator + safe(val) + eol;
        }
      }
      if (opt2.section && out.length) {
        out = "[" + safe(opt2.section) + "]" + (opt2.newline ? eol + eol : eol) + out;
      }
      for (const k of children) {
        const nk = splitSections(k, ".").join("\\.");
        const section = (opt2.section ? opt2.section + "." : "") + nk;
        const child = encode(obj[k], {
          ...opt2,
          section
        });
        if (out.length && child.length) {
          out += eol;
        }
        out += child;
      }
      return out;
    };
    function splitSections(str, separator) {
      var lastMatchIndex = 0;
      var lastSeparatorIndex = 0;
      var nextIndex = 0;
      var sections = [];
      do {
        nextIndex = str.indexOf(separator, lastMatchIndex);
        if (nextIndex !== -1) {
          lastMatchIndex = nextIndex + separator.length;
          if (nextIndex > 0 && str[nextIndex - 1] === "\\") {
            continue;
          }
          sections.push(str.slice(lastSeparatorIndex, nextIndex));
          lastSeparatorIndex = nextIndex + separator.length;
        }
      } while (nextIndex !== -1);
      sections.push(str.slice(lastSeparatorIndex));
      return sections;
    }
    var decode2 = (str, opt2 = {}) => {
      opt2.bracketedArray = opt2.bracketedArray !== false;
      const out = /* @__PURE__ */ Object.create(null);
      let p3 = out;
      let section = null;
      const re = /^\[([^\]]*)\]\s*$|^([^=]+)(=(.*))?$/i;
      const lines2 = str.split(/[\r\n]+/g);
      const duplicates = {};
      for (const line4 of lines2) {
        if (!line4 || line4.match(/^\s*[;#]/) || line4.match(/^\s*$/)) {
          continue;
        }
        const match6 = line4.match(re);
        if (!match6) {
          continue;
        }
        if (match6[1] !== void 0) {
          section = unsafe(match6[1]);
          if (section === "__proto__") {
            p3 = /* @__PURE__ */ Object.create(null);
            continue;
          }
          p3 = out[section] = out[section] || /* @__PURE__ */ Object.create(null);
          continue;
        }
        const keyRaw = unsafe(match6[2]);
        let isArray2;
        if (opt2.bracketedArray) {
          isArray2 = keyRaw.length > 2 && keyRaw.slice(-2) === "[]";
        } else {
          duplicates[keyRaw] = (duplicates?.[keyRaw] || 0) + 1;
          isArray2 = duplicates[keyRaw] > 1;
        }
        const key = isArray2 && keyRaw.endsWith("[]") ? keyRaw.slice(0, -2) : keyRaw;
        if (key === "__proto__") {
          continue;
        }
        const valueRaw = match6[3] ? unsafe(match6[4]) : true;
        const value2 = valueRaw === "true" || valueRaw === "false" || valueRaw === "null" ? JSON.parse(valueRaw) : valueRaw;
        if (isArray2) {
          if (!hasOwnProperty.call(p3, key)) {
            p3[key] = [];
          } else if (!Array.isArray(p3[key])) {
            p3[key] = [p3[key]];
          }
        }
        if (Array.isArray(p3[key])) {
          p3[key].push(value2);
        } else {
          p3[key] = value2;
        }
      }
      const remove = [];
      for (const k of Object.keys(out)) {
        if (!hasOwnProperty.call(out, k) || typeof out[k] !== "object" || Array.isArray(out[k])) {
          continue;
        }
        const parts = splitSections(k, ".");
        p3 = out;
        const l = parts.pop();
        const nl = l.replace(/\\\./g, ".");
        for (const part of parts) {
          if (part === "__proto__") {
            continue;
          }
          if (!hasOwnProperty.call(p3, part) || typeof p3[part] !== "object") {
            p3[part] = /* @__PURE__ */ Object.create(null);
          }
          p3 = p3[part];
        }
        if (p3 === out && nl === l) {
          continue;
        }
        p3[nl] = out[k];
        remove.push(k);
      }
      for (const del of remove) {
        delete out[del];
      }
      return out;
    };
    var isQuoted = (val) => {
      return val.startsWith('"') && val.endsWith('"') || val.startsWith("'") && val.endsWith("'");
    };
    var safe = (val) => {
      if (typeof val !== "string" || val.match(/[=\r\n]/) || val.match(/^\[/) || val.length > 1 && isQuoted(val) || val !== val.trim()) {
        return JSON.stringify(val);
      }
      return val.split(";").join("\\;").split("#").join("\\#");
    };
    var unsafe = (val) => {
      val = (val || "").trim();
      if (isQuoted(val)) {
        if (val.charAt(0) === "'") {
          val = val.slice(1, -1);
        }
        try {
          val = JSON.parse(val);
        } catch {
        }
      } else {
        let esc = false;
        let unesc = "";
        for (let i = 0, l = val.length; i < l; i++) {
          const c = val.charAt(i);
          if (esc) {
            if ("\\;#".indexOf(c) !== -1) {
              unesc += c;
            } else {
              unesc += "\\" + c;
            }
            esc = false;
          } else if (";#".indexOf(c) !== -1) {
            break;
          } else if (c === "\\") {
            esc = true;
          } else {
            unesc += c;
          }
        }
        if (esc) {
          unesc += "\\";
        }
        return unesc.trim();
      }
      return val;
    };
    module.exports = {
      parse: decode2,
      decode: decode2,
      stringify: encode,
      encode,
      safe,
      unsafe
    };
  }
});

// node_modules/toml/lib/parser.js
var require_parser = __commonJS({
  "node_modules/toml/lib/parser.js"(exports, module) {
    "use strict";
    var peg$SyntaxError = class extends SyntaxError {
      constructor(message, expected, found, location) {
        super(message);
        this.expected = expected;
        this.found = found;
        this.location = location;
        this.name = "SyntaxError";
      }
      format(sources) {
        let str = "Error: " + this.message;
        if (this.location) {
          let src = null;
          const st = sources.find((s2) => s2.source === this.location.source);
          if (st) {
            src = st.text.split(/\r\n|\n|\r/g);
          }
          const s = this.location.start;
          const offset_s = this.location.source && typeof this.location.source.offset === "function" ? this.location.source.offset(s) : s;
          const loc = this.location.source + ":" + offset_s.line + ":" + offset_s.column;
          if (src) {
            const e = this.location.end;
            const filler = "".padEnd(offset_s.line.toString().length, " ");
            const line4 = src[s.line - 1];
            const last = s.line === e.line ? e.column : line4.length + 1;
            const hatLen = last - s.column || 1;
            str += "\n --> " + loc + "\n" + filler + " |\n" + offset_s.line + " | " + line4 + "\n" + filler + " | " + "".padEnd(s.column - 1, " ") + "".padEnd(hatLen, "^");
          } else {
            str += "\n at " + loc;
          }
        }
        return str;
      }
      static buildMessage(expected, found) {
        function hex(ch) {
          return ch.codePointAt(0).toString(16).toUpperCase();
        }
        const nonPrintable = Object.prototype.hasOwnProperty.call(RegExp.prototype, "unicode") ? new RegExp("[\\p{C}\\p{Mn}\\p{Mc}]", "gu") : null;
        function unicodeEscape(s) {
          if (nonPrintable) {
            return s.replace(nonPrintable, (ch) => "\\u{" + hex(ch) + "}");
          }
          return s;
        }
        function literalEscape(s) {
          return unicodeEscape(s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\0/g, "\\0").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/[\x00-\x0F]/g, (ch) => "\\x0" + hex(ch)).replace(/[\x10-\x1F\x7F-\x9F]/g, (ch) => "\\x" + hex(ch)));
        }
        function classEscape(s) {
          return unicodeEscape(s.replace(/\\/g, "\\\\").replace(/\]/g, "\\]").replace(/\^/g, "\\^").replace(/-/g, "\\-").replace(/\0/g, "\\0").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/[\x00-\x0F]/g, (ch) => "\\x0" + hex(ch)).replace(/[\x10-\x1F\x7F-\x9F]/g, (ch) => "\\x" + hex(ch)));
        }
        const DESCRIBE_EXPECTATION_FNS = {
          literal(expectation) {
            return '"' + literalEscape(expectation.text) + '"';
          },
          class(expectation) {
            const escapedParts = expectation.parts.map(
              (part) => Array.isArray(part) ? classEscape(part[0]) + "-" + classEscape(part[1]) : classEscape(part)
            );
            return "[" + (expectation.inverted ? "^" : "") + escapedParts.join("") + "]" + (expectation.unicode ? "u" : "");
          },
          any() {
            return "any character";
          },
          end() {
            return "end of input";
          },
          other(expectation) {
            return expectation.description;
          }
        };
        function describeExpectation(expectation) {
          return DESCRIBE_EXPECTATION_FNS[expectation.type](expectation);
        }
        function describeExpected(expected2) {
          const descriptions = expected2.map(describeExpectation);
          descriptions.sort();
          if (descriptions.length > 0) {
            let j = 1;
            for (let i = 1; i < descriptions.length; i++) {
              if (descriptions[i - 1] !== descriptions[i]) {
                descriptions[j] = descriptions[i];
                j++;
              }
            }
            descriptions.length = j;
          }
          switch (descriptions.length) {
            case 1:
              return descriptions[0];
            case 2:
              return descriptions[0] + " or " + descriptions[1];
            default:
              return descriptions.slice(0, -1).join(", ") + ", or " + descriptions[descriptions.length - 1];
          }
        }
        function describeFound(found2) {
          return found2 ? '"' + literalEscape(found2) + '"' : "end of input";
        }
        return "Expected " + describeExpected(expected) + " but " + describeFound(found) + " found.";
      }
    };
    function peg$parse(input, options3) {
      options3 = options3 !== void 0 ? options3 : {};
      const peg$FAILED = {};
      const peg$source = options3.grammarSource;
      const peg$startRuleFunctions = {
        start: peg$parsestart
      };
      let peg$startRuleFunction = peg$parsestart;
      const peg$c0 = "#";
      const peg$c1 = "[";
      const peg$c2 = "]";
      const peg$c3 = ".";
      const peg$c4 = "=";
      const peg$c5 = "inf";
      const peg$c6 = "nan";
      const peg$c7 = '"""';
      const peg$c8 = '"';
      const peg$c9 = "'''";
      const peg$c10 = "'";
      const peg$c11 = "\\";
      const peg$c12 = "\r\n";
      const peg$c13 = '""';
      const peg$c14 = "''";
      const peg$c15 = "0";
      const peg$c16 = "0x";
      const peg$c17 = "0o";
      const peg$c18 = "0b";
      const peg$c19 = "true";
      const peg$c20 = "false";
      const peg$c21 = ",";
      const peg$c22 = "{";
      const peg$c23 = "}";
      const peg$c24 = "-";
      const peg$c25 = ":";
      const peg$c26 = "z";
      const peg$c27 = "t";
      const peg$c28 = " ";
      const peg$c29 = "\n";
      const peg$c30 = "\r";
      const peg$c31 = "\uFEFF";
      const peg$c32 = "\\U";
      const peg$c33 = "\\u";
      const peg$c34 = "\\x";
      const peg$r0 = /^[\t -~\x80-\uFFFF]/;
      const peg$r1 = /^[+\-]/;
      const peg$r2 = /^[^"\\\0-\b\v-\x1F\x7F\r]/;
      const peg$r3 = /^[^'\0-\b\v-\x1F\x7F\r]/;
      const peg$r4 = /^[^"\\\0-\b\n-\x1F\x7F]/;
      const peg$r5 = /^[^'\0-\b\n-\x1F\x7F]/;
      const peg$r6 = /^[eE]/;
      const peg$r7 = /^[0-9_]/;
      const peg$r8 = /^[1-9]/;
      const peg$r9 = /^[_]/;
      const peg$r10 = /^[0-9]/;
      const peg$r11 = /^[0-9a-fA-F]/;
      const peg$r12 = /^[0-7]/;
      const peg$r13 = /^[01]/;
      const peg$r14 = /^[ \t]/;
      const peg$r15 = /^[A-Za-z0-9_\-]/;
      const peg$r16 = /^["\\btnfre]/;
      const peg$e0 = peg$literalExpectation("#", false);
      const peg$e1 = peg$classExpectation(["	", [" ", "~"], ["\x80", "\uFFFF"]], false, false, false);
      const peg$e2 = peg$literalExpectation("[", false);
      const peg$e3 = peg$literalExpectation("]", false);
      const peg$e4 = peg$literalExpectation(".", false);
      const peg$e5 = peg$literalExpectation("=", false);
      const peg$e6 = peg$classExpectation(["+", "-"], false, false, false);
      const peg$e7 = peg$literalExpectation("inf", false);
      const peg$e8 = peg$literalExpectation("nan", false);
      const peg$e9 = peg$literalExpectation('"""', false);
      const peg$e10 = peg$literalExpectation('"', false);
      const peg$e11 = peg$literalExpectation("'''", false);
      const peg$e12 = peg$literalExpectation("'", false);
      const peg$e13 = peg$literalExpectation("\\", false);
      const peg$e14 = peg$anyExpectation();
      const peg$e15 = peg$literalExpectation("\r\n", false);
      const peg$e16 = peg$classExpectation(['"', "\\", ["\0", "\b"], ["\v", ""], "\x7F", "\r"], true, false, false);
      const peg$e17 = peg$literalExpectation('""', false);
      const peg$e18 = peg$classExpectation(["'", ["\0", "\b"], ["\v", ""], "\x7F", "\r"], true, false, false);
      const peg$e19 = peg$literalExpectation("''", false);
      const peg$e20 = peg$classExpectation(['"', "\\", ["\0", "\b"], ["\n", ""], "\x7F"], true, false, false);
      const peg$e21 = peg$classExpectation(["'", ["\0", "\b"], ["\n", ""], "\x7F"], true, false, false);
      const peg$e22 = peg$classExpectation(["e", "E"], false, false, false);
      const peg$e23 = peg$literalExpectation("0", false);
      const peg$e24 = peg$literalExpectation("0x", false);
      const peg$e25 = peg$literalExpectation("0o", false);
      const peg$e26 = peg$literalExpectation("0b", false);
      const peg$e27 = peg$classExpectation([["0", "9"], "_"], false, false, false);
      const peg$e28 = peg$classExpectation([["1", "9"]], false, false, false);
      const peg$e29 = peg$classExpectation(["_"], false, false, false);
      const peg$e30 = peg$classExpectation([["0", "9"]], false, false, false);
      const peg$e31 = peg$classExpectation([["0", "9"], ["a", "f"], ["A", "F"]], false, false, false);
      const peg$e32 = peg$classExpectation([["0", "7"]], false, false, false);
      const peg$e33 = peg$classExpectation(["0", "1"], false, false, false);
      const peg$e34 = peg$literalExpectation("true", false);
      const peg$e35 = peg$literalExpectation("false", false);
      const peg$e36 = peg$literalExpectation(",", false);
      const peg$e37 = peg$literalExpectation("{", false);
      const peg$e38 = peg$literalExpectation("}", false);
      const peg$e39 = peg$literalExpectation("-", false);
      const peg$e40 = peg$literalExpectation(":", false);
      const peg$e41 = peg$literalExpectation("Z", true);
      const peg$e42 = peg$literalExpectation("T", true);
      const peg$e43 = peg$literalExpectation(" ", false);
      const peg$e44 = peg$classExpectation([" ", "	"], false, false, false);
      const peg$e45 = peg$literalExpectation("\n", false);
      const peg$e46 = peg$literalExpectation("\r", false);
      const peg$e47 = peg$literalExpectation("\uFEFF", false);
      const peg$e48 = peg$classExpectation([["A", "Z"], ["a", "z"], ["0", "9"], "_", "-"], false, false, false);
      const peg$e49 = peg$classExpectation(['"', "\\", "b", "t", "n", "f", "r", "e"], false, false, false);
      const peg$e50 = peg$literalExpectation("\\U", false);
      const peg$e51 = peg$literalExpectation("\\u", false);
      const peg$e52 = peg$literalExpectation("\\x", false);
      function peg$f0() {
        return nodes;
      }
      function peg$f1(name) {
        addNode(node("ArrayPath", name, offset()));
      }
      function peg$f2(name) {
        addNode(node("ObjectPath", name, offset()));
      }
      function peg$f3(parts, name) {
        return parts.concat(name);
      }
      function peg$f4(name) {
        return [name];
      }
      function peg$f5(name) {
        return name;
      }
      function peg$f6(name) {
        return name;
      }
      function peg$f7(keys, value2) {
        addNode(node("Assign", value2, offset(), keys));
      }
      function peg$f8(node2) {
        return node2.value;
      }
      function peg$f9(node2) {
        return node2.value;
      }
      function peg$f10() {
        if (++depth > MAX_DEPTH) {
          depth--;
          genError("Maximum nesting depth of " + MAX_DEPTH + " exceeded.", offset());
        }
        return true;
      }
      function peg$f11(v) {
        return v;
      }
      function peg$f12(v) {
        depth--;
        return v;
      }
      function peg$f13() {
        depth--;
        return false;
      }
      function peg$f14(sign) {
        return node("Float", sign === "-" ? -Infinity : Infinity, offset());
      }
      function peg$f15(sign) {
        return node("Float", NaN, offset());
      }
      function peg$f16(body) {
        return node("String", body, offset());
      }
      function peg$f17(chars) {
        return node("String", chars.join(""), offset());
      }
      function peg$f18(body) {
        return node("String", body, offset());
      }
      function peg$f19(chars) {
        return node("String", chars.join(""), offset());
      }
      function peg$f20(head2, parts, tail) {
        var result = head2.join("");
        for (var i = 0; i < parts.length; i++) {
          result += parts[i][0] + parts[i][1].join("");
        }
        return result + (tail || "");
      }
      function peg$f21() {
        genError("Invalid escape sequence", offset());
      }
      function peg$f22() {
        return "\n";
      }
      function peg$f23() {
        return "";
      }
      function peg$f24() {
        return '""';
      }
      function peg$f25() {
        return '"';
      }
      function peg$f26() {
        return '""';
      }
      function peg$f27() {
        return '"';
      }
      function peg$f28(head2, parts, tail) {
        var result = head2.join("");
        for (var i = 0; i < parts.length; i++) {
          result += parts[i][0] + parts[i][1].join("");
        }
        return result + (tail || "");
      }
      function peg$f29() {
        return "\n";
      }
      function peg$f30() {
        return "''";
      }
      function peg$f31() {
        return "'";
      }
      function peg$f32() {
        return "''";
      }
      function peg$f33() {
        return "'";
      }
      function peg$f34() {
        genError("Invalid escape sequence", offset());
      }
      function peg$f35(left2, right2) {
        return node("Float", parseFloat(stripUnderscores(left2 + "e" + right2)), offset());
      }
      function peg$f36(text13) {
        return node("Float", parseFloat(stripUnderscores(text13)), offset());
      }
      function peg$f37(sign, digits, frac) {
        return (sign === "-" ? "-" : "") + digits + "." + frac;
      }
      function peg$f38(sign, digits, frac) {
        return (sign === "-" ? "-" : "") + digits + "." + frac;
      }
      function peg$f39(sign, digits) {
        return (sign === "-" ? "-" : "") + digits;
      }
      function peg$f40() {
        return "0";
      }
      function peg$f41(sign, digits) {
        return (sign || "") + digits;
      }
      function peg$f42(digits) {
        return node("Integer", parseInt(stripUnderscores(digits), 16), offset());
      }
      function peg$f43(digits) {
        return node("Integer", parseInt(stripUnderscores(digits), 8), offset());
      }
      function peg$f44(digits) {
        return node("Integer", parseInt(stripUnderscores(digits), 2), offset());
      }
      function peg$f45(text13) {
        return node("Integer", parseInt(stripUnderscores(text13), 10), offset());
      }
      function peg$f46(sign) {
        return (sign || "") + "0";
      }
      function peg$f47(sign, digits) {
        return (sign || "") + digits;
      }
      function peg$f48() {
        return node("Boolean", true, offset());
      }
      function peg$f49() {
        return node("Boolean", false, offset());
      }
      function peg$f50() {
        return node("Array", [], offset());
      }
      function peg$f51(head2, v) {
        return v;
      }
      function peg$f52(head2, tail) {
        tail.unshift(head2);
        return node("Array", tail, offset());
      }
      function peg$f53() {
        return node("InlineTable", [], offset());
      }
      function peg$f54(head2, e) {
        return e;
      }
      function peg$f55(head2, tail) {
        tail.unshift(head2);
        return node("InlineTable", tail, offset());
      }
      function peg$f56(keys, value2) {
        return node("InlineTableValue", value2, offset(), keys);
      }
      function peg$f57(parts, last) {
        return parts.concat(last);
      }
      function peg$f58(k) {
        return [k];
      }
      function peg$f59(k) {
        return k;
      }
      function peg$f60(t, frac) {
        return frac ? t + frac : t;
      }
      function peg$f61(t) {
        return t + ":00";
      }
      function peg$f62() {
        return "Z";
      }
      function peg$f63(d, t, o) {
        var off = offset();
        validateDate(d, off);
        validateTime(t, off);
        validateOffset(o, off);
        var n = node("Date", /* @__PURE__ */ new Date(d + "T" + t + o), off);
        n.raw = d + "T" + t;
        n.tz = o;
        return n;
      }
      function peg$f64(d, t) {
        var off = offset();
        validateDate(d, off);
        validateTime(t, off);
        return node("LocalDateTime", d + "T" + t, off);
      }
      function peg$f65(d) {
        var off = offset();
        validateDate(d, off);
        return node("LocalDate", d, off);
      }
      function peg$f66(t) {
        var off = offset();
        validateTime(t, off);
        return node("LocalTime", t, off);
      }
      function peg$f67(ch) {
        return ch === "n" ? "\n" : ch === "t" ? "	" : ch === "r" ? "\r" : ch === "\\" ? "\\" : ch === '"' ? '"' : ch === "b" ? "\b" : ch === "f" ? "\f" : "\x1B";
      }
      function peg$f68(digits) {
        return convertCodePoint(digits);
      }
      function peg$f69(digits) {
        return convertCodePoint(digits);
      }
      function peg$f70(digits) {
        return convertCodePoint(digits);
      }
      let peg$currPos = options3.peg$currPos | 0;
      let peg$savedPos = peg$currPos;
      const peg$posDetailsCache = [{ line: 1, column: 1 }];
      let peg$maxFailPos = peg$currPos;
      let peg$maxFailExpected = options3.peg$maxFailExpected || [];
      let peg$silentFails = options3.peg$silentFails | 0;
      let peg$result;
      if (options3.startRule) {
        if (!(options3.startRule in peg$startRuleFunctions)) {
          throw new Error(`Can't start parsing from rule "` + options3.startRule + '".');
        }
        peg$startRuleFunction = peg$startRuleFunctions[options3.startRule];
      }
      function text12() {
        return input.substring(peg$savedPos, peg$currPos);
      }
      function offset() {
        return peg$savedPos;
      }
      function range() {
        return {
          source: peg$source,
          start: peg$savedPos,
          end: peg$currPos
        };
      }
      function location() {
        return peg$computeLocation(peg$savedPos, peg$currPos);
      }
      function expected(description, location2) {
        location2 = location2 !== void 0 ? location2 : peg$computeLocation(peg$savedPos, peg$currPos);
        throw peg$buildStructuredError(
          [peg$otherExpectation(description)],
          input.substring(peg$savedPos, peg$currPos),
          location2
        );
      }
      function error3(message, location2) {
        location2 = location2 !== void 0 ? location2 : peg$computeLocation(peg$savedPos, peg$currPos);
        throw peg$buildSimpleError(message, location2);
      }
      function peg$getUnicode(pos = peg$currPos) {
        const cp = input.codePointAt(pos);
        if (cp === void 0) {
          return "";
        }
        return String.fromCodePoint(cp);
      }
      function peg$literalExpectation(text13, ignoreCase) {
        return { type: "literal", text: text13, ignoreCase };
      }
      function peg$classExpectation(parts, inverted, ignoreCase, unicode) {
        return { type: "class", parts, inverted, ignoreCase, unicode };
      }
      function peg$anyExpectation() {
        return { type: "any" };
      }
      function peg$endExpectation() {
        return { type: "end" };
      }
      function peg$otherExpectation(description) {
        return { type: "other", description };
      }
      function peg$computePosDetails(pos) {
        let details = peg$posDetailsCache[pos];
        let p3;
        if (details) {
          return details;
        } else {
          if (pos >= peg$posDetailsCache.length) {
            p3 = peg$posDetailsCache.length - 1;
          } else {
            p3 = pos;
            while (!peg$posDetailsCache[--p3]) {
            }
          }
          details = peg$posDetailsCache[p3];
          details = {
            line: details.line,
            column: details.column
          };
          while (p3 < pos) {
            if (input.charCodeAt(p3) === 10) {
              details.line++;
              details.column = 1;
            } else {
              details.column++;
            }
            p3++;
          }
          peg$posDetailsCache[pos] = details;
          return details;
        }
      }
      function peg$computeLocation(startPos, endPos, offset2) {
        const startPosDetails = peg$computePosDetails(startPos);
        const endPosDetails = peg$computePosDetails(endPos);
        const res = {
          source: peg$source,
          start: {
            offset: startPos,
            line: startPosDetails.line,
            column: startPosDetails.column
          },
          end: {
            offset: endPos,
            line: endPosDetails.line,
            column: endPosDetails.column
          }
        };
        if (offset2 && peg$source && typeof peg$source.offset === "function") {
          res.start = peg$source.offset(res.start);
          res.end = peg$source.offset(res.end);
        }
        return res;
      }
      function peg$fail(expected2) {
        if (peg$currPos < peg$maxFailPos) {
          return;
        }
        if (peg$currPos > peg$maxFailPos) {
          peg$maxFailPos = peg$currPos;
          peg$maxFailExpected = [];
        }
        peg$maxFailExpected.push(expected2);
      }
      function peg$buildSimpleError(message, location2) {
        return new peg$SyntaxError(message, null, null, location2);
      }
      function peg$buildStructuredError(expected2, found, location2) {
        return new peg$SyntaxError(
          peg$SyntaxError.buildMessage(expected2, found),
          expected2,
          found,
          location2
        );
      }
      function peg$parsestart() {
        let s0, s1, s2, s3;
        s0 = peg$currPos;
        s1 = peg$parseBOM();
        if (s1 === peg$FAILED) {
          s1 = null;
        }
        s2 = [];
        s3 = peg$parseline();
        while (s3 !== peg$FAILED) {
          s2.push(s3);
          s3 = peg$parseline();
        }
        peg$savedPos = s0;
        s0 = peg$f0();
        return s0;
      }
      function peg$parseline() {
        let s0, s1, s2, s3, s4, s5, s6;
        s0 = peg$currPos;
        s1 = [];
        s2 = peg$parseS();
        while (s2 !== peg$FAILED) {
          s1.push(s2);
          s2 = peg$parseS();
        }
        s2 = peg$parseexpression();
        if (s2 !== peg$FAILED) {
          s3 = [];
          s4 = peg$parseS();
          while (s4 !== peg$FAILED) {
            s3.push(s4);
            s4 = peg$parseS();
          }
          s4 = peg$parsecomment();
          if (s4 === peg$FAILED) {
            s4 = null;
          }
          s5 = [];
          s6 = peg$parseNL();
          if (s6 !== peg$FAILED) {
            while (s6 !== peg$FAILED) {
              s5.push(s6);
              s6 = peg$parseNL();
            }
          } else {
            s5 = peg$FAILED;
          }
          if (s5 === peg$FAILED) {
            s5 = peg$parseEOF();
          }
          if (s5 !== peg$FAILED) {
            s1 = [s1, s2, s3, s4, s5];
            s0 = s1;
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          s1 = [];
          s2 = peg$parseS();
          if (s2 !== peg$FAILED) {
            while (s2 !== peg$FAILED) {
              s1.push(s2);
              s2 = peg$parseS();
            }
          } else {
            s1 = peg$FAILED;
          }
          if (s1 !== peg$FAILED) {
            s2 = [];
            s3 = peg$parseNL();
            if (s3 !== peg$FAILED) {
              while (s3 !== peg$FAILED) {
                s2.push(s3);
                s3 = peg$parseNL();
              }
            } else {
              s2 = peg$FAILED;
            }
            if (s2 === peg$FAILED) {
              s2 = peg$parseEOF();
            }
            if (s2 !== peg$FAILED) {
              s1 = [s1, s2];
              s0 = s1;
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
          if (s0 === peg$FAILED) {
            s0 = peg$parseNL();
          }
        }
        return s0;
      }
      function peg$parseexpression() {
        let s0;
        s0 = peg$parsecomment();
        if (s0 === peg$FAILED) {
          s0 = peg$parsetable_or_array_path();
          if (s0 === peg$FAILED) {
            s0 = peg$parseassignment();
          }
        }
        return s0;
      }
      function peg$parsecomment() {
        let s0, s1, s2, s3;
        s0 = peg$currPos;
        if (input.charCodeAt(peg$currPos) === 35) {
          s1 = peg$c0;
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e0);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = [];
          s3 = input.charAt(peg$currPos);
          if (peg$r0.test(s3)) {
            peg$currPos++;
          } else {
            s3 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e1);
            }
          }
          while (s3 !== peg$FAILED) {
            s2.push(s3);
            s3 = input.charAt(peg$currPos);
            if (peg$r0.test(s3)) {
              peg$currPos++;
            } else {
              s3 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e1);
              }
            }
          }
          s1 = [s1, s2];
          s0 = s1;
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parsetable_or_array_path() {
        let s0, s1, s2, s3, s4, s5, s6, s7;
        s0 = peg$currPos;
        if (input.charCodeAt(peg$currPos) === 91) {
          s1 = peg$c1;
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e2);
          }
        }
        if (s1 !== peg$FAILED) {
          if (input.charCodeAt(peg$currPos) === 91) {
            s2 = peg$c1;
            peg$currPos++;
          } else {
            s2 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e2);
            }
          }
          if (s2 !== peg$FAILED) {
            s3 = [];
            s4 = peg$parseS();
            while (s4 !== peg$FAILED) {
              s3.push(s4);
              s4 = peg$parseS();
            }
            s4 = peg$parsetable_key();
            if (s4 !== peg$FAILED) {
              s5 = [];
              s6 = peg$parseS();
              while (s6 !== peg$FAILED) {
                s5.push(s6);
                s6 = peg$parseS();
              }
              if (input.charCodeAt(peg$currPos) === 93) {
                s6 = peg$c2;
                peg$currPos++;
              } else {
                s6 = peg$FAILED;
                if (peg$silentFails === 0) {
                  peg$fail(peg$e3);
                }
              }
              if (s6 !== peg$FAILED) {
                if (input.charCodeAt(peg$currPos) === 93) {
                  s7 = peg$c2;
                  peg$currPos++;
                } else {
                  s7 = peg$FAILED;
                  if (peg$silentFails === 0) {
                    peg$fail(peg$e3);
                  }
                }
                if (s7 !== peg$FAILED) {
                  peg$savedPos = s0;
                  s0 = peg$f1(s4);
                } else {
                  peg$currPos = s0;
                  s0 = peg$FAILED;
                }
              } else {
                peg$currPos = s0;
                s0 = peg$FAILED;
              }
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          if (input.charCodeAt(peg$currPos) === 91) {
            s1 = peg$c1;
            peg$currPos++;
          } else {
            s1 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e2);
            }
          }
          if (s1 !== peg$FAILED) {
            s2 = [];
            s3 = peg$parseS();
            while (s3 !== peg$FAILED) {
              s2.push(s3);
              s3 = peg$parseS();
            }
            s3 = peg$parsetable_key();
            if (s3 !== peg$FAILED) {
              s4 = [];
              s5 = peg$parseS();
              while (s5 !== peg$FAILED) {
                s4.push(s5);
                s5 = peg$parseS();
              }
              if (input.charCodeAt(peg$currPos) === 93) {
                s5 = peg$c2;
                peg$currPos++;
              } else {
                s5 = peg$FAILED;
                if (peg$silentFails === 0) {
                  peg$fail(peg$e3);
                }
              }
              if (s5 !== peg$FAILED) {
                peg$savedPos = s0;
                s0 = peg$f2(s3);
              } else {
                peg$currPos = s0;
                s0 = peg$FAILED;
              }
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        }
        return s0;
      }
      function peg$parsetable_key() {
        let s0, s1, s2;
        s0 = peg$currPos;
        s1 = [];
        s2 = peg$parsedot_ended_table_key_part();
        if (s2 !== peg$FAILED) {
          while (s2 !== peg$FAILED) {
            s1.push(s2);
            s2 = peg$parsedot_ended_table_key_part();
          }
        } else {
          s1 = peg$FAILED;
        }
        if (s1 !== peg$FAILED) {
          s2 = peg$parsetable_key_part();
          if (s2 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f3(s1, s2);
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          s1 = peg$parsetable_key_part();
          if (s1 !== peg$FAILED) {
            peg$savedPos = s0;
            s1 = peg$f4(s1);
          }
          s0 = s1;
        }
        return s0;
      }
      function peg$parsetable_key_part() {
        let s0, s1, s2, s3, s4;
        s0 = peg$currPos;
        s1 = [];
        s2 = peg$parseS();
        while (s2 !== peg$FAILED) {
          s1.push(s2);
          s2 = peg$parseS();
        }
        s2 = peg$parsesimple_key();
        if (s2 !== peg$FAILED) {
          s3 = [];
          s4 = peg$parseS();
          while (s4 !== peg$FAILED) {
            s3.push(s4);
            s4 = peg$parseS();
          }
          peg$savedPos = s0;
          s0 = peg$f5(s2);
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parsedot_ended_table_key_part() {
        let s0, s1, s2, s3, s4;
        s0 = peg$currPos;
        s1 = [];
        s2 = peg$parseS();
        while (s2 !== peg$FAILED) {
          s1.push(s2);
          s2 = peg$parseS();
        }
        s2 = peg$parsesimple_key();
        if (s2 !== peg$FAILED) {
          s3 = [];
          s4 = peg$parseS();
          while (s4 !== peg$FAILED) {
            s3.push(s4);
            s4 = peg$parseS();
          }
          if (input.charCodeAt(peg$currPos) === 46) {
            s4 = peg$c3;
            peg$currPos++;
          } else {
            s4 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e4);
            }
          }
          if (s4 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f6(s2);
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parseassignment() {
        let s0, s1, s2, s3, s4, s5;
        s0 = peg$currPos;
        s1 = peg$parseinline_key();
        if (s1 !== peg$FAILED) {
          s2 = [];
          s3 = peg$parseS();
          while (s3 !== peg$FAILED) {
            s2.push(s3);
            s3 = peg$parseS();
          }
          if (input.charCodeAt(peg$currPos) === 61) {
            s3 = peg$c4;
            peg$currPos++;
          } else {
            s3 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e5);
            }
          }
          if (s3 !== peg$FAILED) {
            s4 = [];
            s5 = peg$parseS();
            while (s5 !== peg$FAILED) {
              s4.push(s5);
              s5 = peg$parseS();
            }
            s5 = peg$parsevalue();
            if (s5 !== peg$FAILED) {
              peg$savedPos = s0;
              s0 = peg$f7(s1, s5);
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parsekey() {
        let s0, s1, s2;
        s0 = peg$currPos;
        s1 = [];
        s2 = peg$parseASCII_BASIC();
        if (s2 !== peg$FAILED) {
          while (s2 !== peg$FAILED) {
            s1.push(s2);
            s2 = peg$parseASCII_BASIC();
          }
        } else {
          s1 = peg$FAILED;
        }
        if (s1 !== peg$FAILED) {
          s0 = input.substring(s0, peg$currPos);
        } else {
          s0 = s1;
        }
        return s0;
      }
      function peg$parsequoted_key() {
        let s0, s1;
        s0 = peg$currPos;
        s1 = peg$parsedouble_quoted_single_line_string();
        if (s1 !== peg$FAILED) {
          peg$savedPos = s0;
          s1 = peg$f8(s1);
        }
        s0 = s1;
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          s1 = peg$parsesingle_quoted_single_line_string();
          if (s1 !== peg$FAILED) {
            peg$savedPos = s0;
            s1 = peg$f9(s1);
          }
          s0 = s1;
        }
        return s0;
      }
      function peg$parsevalue() {
        let s0, s1, s2;
        s0 = peg$currPos;
        peg$savedPos = peg$currPos;
        s1 = peg$f10();
        if (s1) {
          s1 = void 0;
        } else {
          s1 = peg$FAILED;
        }
        if (s1 !== peg$FAILED) {
          s2 = peg$parsevalue_choice();
          if (s2 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f11(s2);
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parsevalue_choice() {
        let s0, s1;
        s0 = peg$currPos;
        s1 = peg$parsevalue_body();
        if (s1 !== peg$FAILED) {
          peg$savedPos = s0;
          s1 = peg$f12(s1);
        }
        s0 = s1;
        if (s0 === peg$FAILED) {
          peg$savedPos = peg$currPos;
          s0 = peg$f13();
          if (s0) {
            s0 = void 0;
          } else {
            s0 = peg$FAILED;
          }
        }
        return s0;
      }
      function peg$parsevalue_body() {
        let s0;
        s0 = peg$parsestring();
        if (s0 === peg$FAILED) {
          s0 = peg$parsenumber_or_date();
          if (s0 === peg$FAILED) {
            s0 = peg$parseboolean();
            if (s0 === peg$FAILED) {
              s0 = peg$parsearray();
              if (s0 === peg$FAILED) {
                s0 = peg$parseinline_table();
              }
            }
          }
        }
        return s0;
      }
      function peg$parsenumber_or_date() {
        let s0, s1, s2;
        s0 = peg$currPos;
        s1 = input.charAt(peg$currPos);
        if (peg$r1.test(s1)) {
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e6);
          }
        }
        if (s1 === peg$FAILED) {
          s1 = null;
        }
        if (input.substr(peg$currPos, 3) === peg$c5) {
          s2 = peg$c5;
          peg$currPos += 3;
        } else {
          s2 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e7);
          }
        }
        if (s2 !== peg$FAILED) {
          peg$savedPos = s0;
          s0 = peg$f14(s1);
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          s1 = input.charAt(peg$currPos);
          if (peg$r1.test(s1)) {
            peg$currPos++;
          } else {
            s1 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e6);
            }
          }
          if (s1 === peg$FAILED) {
            s1 = null;
          }
          if (input.substr(peg$currPos, 3) === peg$c6) {
            s2 = peg$c6;
            peg$currPos += 3;
          } else {
            s2 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e8);
            }
          }
          if (s2 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f15(s1);
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
          if (s0 === peg$FAILED) {
            s0 = peg$parsedatetime();
            if (s0 === peg$FAILED) {
              s0 = peg$parsefloat();
              if (s0 === peg$FAILED) {
                s0 = peg$parseinteger();
              }
            }
          }
        }
        return s0;
      }
      function peg$parsestring() {
        let s0;
        s0 = peg$parsedouble_quoted_multiline_string();
        if (s0 === peg$FAILED) {
          s0 = peg$parsedouble_quoted_single_line_string();
          if (s0 === peg$FAILED) {
            s0 = peg$parsesingle_quoted_multiline_string();
            if (s0 === peg$FAILED) {
              s0 = peg$parsesingle_quoted_single_line_string();
            }
          }
        }
        return s0;
      }
      function peg$parsedouble_quoted_multiline_string() {
        let s0, s1, s2, s3, s4;
        s0 = peg$currPos;
        if (input.substr(peg$currPos, 3) === peg$c7) {
          s1 = peg$c7;
          peg$currPos += 3;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e9);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = peg$parseNL();
          if (s2 === peg$FAILED) {
            s2 = null;
          }
          s3 = peg$parsemlb_body();
          if (input.substr(peg$currPos, 3) === peg$c7) {
            s4 = peg$c7;
            peg$currPos += 3;
          } else {
            s4 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e9);
            }
          }
          if (s4 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f16(s3);
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parsedouble_quoted_single_line_string() {
        let s0, s1, s2, s3;
        s0 = peg$currPos;
        if (input.charCodeAt(peg$currPos) === 34) {
          s1 = peg$c8;
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e10);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = [];
          s3 = peg$parsestring_char();
          while (s3 !== peg$FAILED) {
            s2.push(s3);
            s3 = peg$parsestring_char();
          }
          if (input.charCodeAt(peg$currPos) === 34) {
            s3 = peg$c8;
            peg$currPos++;
          } else {
            s3 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e10);
            }
          }
          if (s3 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f17(s2);
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parsesingle_quoted_multiline_string() {
        let s0, s1, s2, s3, s4;
        s0 = peg$currPos;
        if (input.substr(peg$currPos, 3) === peg$c9) {
          s1 = peg$c9;
          peg$currPos += 3;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e11);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = peg$parseNL();
          if (s2 === peg$FAILED) {
            s2 = null;
          }
          s3 = peg$parsemll_body();
          if (input.substr(peg$currPos, 3) === peg$c9) {
            s4 = peg$c9;
            peg$currPos += 3;
          } else {
            s4 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e11);
            }
          }
          if (s4 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f18(s3);
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parsesingle_quoted_single_line_string() {
        let s0, s1, s2, s3;
        s0 = peg$currPos;
        if (input.charCodeAt(peg$currPos) === 39) {
          s1 = peg$c10;
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e12);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = [];
          s3 = peg$parseliteral_char();
          while (s3 !== peg$FAILED) {
            s2.push(s3);
            s3 = peg$parseliteral_char();
          }
          if (input.charCodeAt(peg$currPos) === 39) {
            s3 = peg$c10;
            peg$currPos++;
          } else {
            s3 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e12);
            }
          }
          if (s3 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f19(s2);
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parsemlb_body() {
        let s0, s1, s2, s3, s4, s5, s6;
        s0 = peg$currPos;
        s1 = [];
        s2 = peg$parsemlb_content();
        while (s2 !== peg$FAILED) {
          s1.push(s2);
          s2 = peg$parsemlb_content();
        }
        s2 = [];
        s3 = peg$currPos;
        s4 = peg$parsemlb_quotes();
        if (s4 !== peg$FAILED) {
          s5 = [];
          s6 = peg$parsemlb_content();
          if (s6 !== peg$FAILED) {
            while (s6 !== peg$FAILED) {
              s5.push(s6);
              s6 = peg$parsemlb_content();
            }
          } else {
            s5 = peg$FAILED;
          }
          if (s5 !== peg$FAILED) {
            s4 = [s4, s5];
            s3 = s4;
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
        while (s3 !== peg$FAILED) {
          s2.push(s3);
          s3 = peg$currPos;
          s4 = peg$parsemlb_quotes();
          if (s4 !== peg$FAILED) {
            s5 = [];
            s6 = peg$parsemlb_content();
            if (s6 !== peg$FAILED) {
              while (s6 !== peg$FAILED) {
                s5.push(s6);
                s6 = peg$parsemlb_content();
              }
            } else {
              s5 = peg$FAILED;
            }
            if (s5 !== peg$FAILED) {
              s4 = [s4, s5];
              s3 = s4;
            } else {
              peg$currPos = s3;
              s3 = peg$FAILED;
            }
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
        }
        s3 = peg$parsemlb_trailing();
        if (s3 === peg$FAILED) {
          s3 = null;
        }
        peg$savedPos = s0;
        s0 = peg$f20(s1, s2, s3);
        return s0;
      }
      function peg$parsemlb_content() {
        let s0, s1, s2;
        s0 = peg$parseESCAPED();
        if (s0 === peg$FAILED) {
          s0 = peg$parsemlb_escaped_newline();
          if (s0 === peg$FAILED) {
            s0 = peg$currPos;
            if (input.charCodeAt(peg$currPos) === 92) {
              s1 = peg$c11;
              peg$currPos++;
            } else {
              s1 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e13);
              }
            }
            if (s1 !== peg$FAILED) {
              if (input.length > peg$currPos) {
                s2 = input.charAt(peg$currPos);
                peg$currPos++;
              } else {
                s2 = peg$FAILED;
                if (peg$silentFails === 0) {
                  peg$fail(peg$e14);
                }
              }
              if (s2 !== peg$FAILED) {
                peg$savedPos = s0;
                s0 = peg$f21();
              } else {
                peg$currPos = s0;
                s0 = peg$FAILED;
              }
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
            if (s0 === peg$FAILED) {
              s0 = peg$currPos;
              if (input.substr(peg$currPos, 2) === peg$c12) {
                s1 = peg$c12;
                peg$currPos += 2;
              } else {
                s1 = peg$FAILED;
                if (peg$silentFails === 0) {
                  peg$fail(peg$e15);
                }
              }
              if (s1 !== peg$FAILED) {
                peg$savedPos = s0;
                s1 = peg$f22();
              }
              s0 = s1;
              if (s0 === peg$FAILED) {
                s0 = peg$currPos;
                s1 = [];
                s2 = input.charAt(peg$currPos);
                if (peg$r2.test(s2)) {
                  peg$currPos++;
                } else {
                  s2 = peg$FAILED;
                  if (peg$silentFails === 0) {
                    peg$fail(peg$e16);
                  }
                }
                if (s2 !== peg$FAILED) {
                  while (s2 !== peg$FAILED) {
                    s1.push(s2);
                    s2 = input.charAt(peg$currPos);
                    if (peg$r2.test(s2)) {
                      peg$currPos++;
                    } else {
                      s2 = peg$FAILED;
                      if (peg$silentFails === 0) {
                        peg$fail(peg$e16);
                      }
                    }
                  }
                } else {
                  s1 = peg$FAILED;
                }
                if (s1 !== peg$FAILED) {
                  s0 = input.substring(s0, peg$currPos);
                } else {
                  s0 = s1;
                }
              }
            }
          }
        }
        return s0;
      }
      function peg$parsemlb_escaped_newline() {
        let s0, s1, s2, s3, s4, s5;
        s0 = peg$currPos;
        if (input.charCodeAt(peg$currPos) === 92) {
          s1 = peg$c11;
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e13);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = [];
          s3 = peg$parseS();
          while (s3 !== peg$FAILED) {
            s2.push(s3);
            s3 = peg$parseS();
          }
          s3 = peg$parseNL();
          if (s3 !== peg$FAILED) {
            s4 = [];
            s5 = peg$parseNLS();
            while (s5 !== peg$FAILED) {
              s4.push(s5);
              s5 = peg$parseNLS();
            }
            peg$savedPos = s0;
            s0 = peg$f23();
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parsemlb_quotes() {
        let s0, s1, s2, s3;
        s0 = peg$currPos;
        if (input.substr(peg$currPos, 2) === peg$c13) {
          s1 = peg$c13;
          peg$currPos += 2;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e17);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = peg$currPos;
          peg$silentFails++;
          if (input.charCodeAt(peg$currPos) === 34) {
            s3 = peg$c8;
            peg$currPos++;
          } else {
            s3 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e10);
            }
          }
          peg$silentFails--;
          if (s3 === peg$FAILED) {
            s2 = void 0;
          } else {
            peg$currPos = s2;
            s2 = peg$FAILED;
          }
          if (s2 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f24();
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          if (input.charCodeAt(peg$currPos) === 34) {
            s1 = peg$c8;
            peg$currPos++;
          } else {
            s1 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e10);
            }
          }
          if (s1 !== peg$FAILED) {
            s2 = peg$currPos;
            peg$silentFails++;
            if (input.charCodeAt(peg$currPos) === 34) {
              s3 = peg$c8;
              peg$currPos++;
            } else {
              s3 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e10);
              }
            }
            peg$silentFails--;
            if (s3 === peg$FAILED) {
              s2 = void 0;
            } else {
              peg$currPos = s2;
              s2 = peg$FAILED;
            }
            if (s2 !== peg$FAILED) {
              peg$savedPos = s0;
              s0 = peg$f25();
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        }
        return s0;
      }
      function peg$parsemlb_trailing() {
        let s0, s1, s2, s3;
        s0 = peg$currPos;
        if (input.substr(peg$currPos, 2) === peg$c13) {
          s1 = peg$c13;
          peg$currPos += 2;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e17);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = peg$currPos;
          peg$silentFails++;
          if (input.substr(peg$currPos, 3) === peg$c7) {
            s3 = peg$c7;
            peg$currPos += 3;
          } else {
            s3 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e9);
            }
          }
          peg$silentFails--;
          if (s3 !== peg$FAILED) {
            peg$currPos = s2;
            s2 = void 0;
          } else {
            s2 = peg$FAILED;
          }
          if (s2 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f26();
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          if (input.charCodeAt(peg$currPos) === 34) {
            s1 = peg$c8;
            peg$currPos++;
          } else {
            s1 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e10);
            }
          }
          if (s1 !== peg$FAILED) {
            s2 = peg$currPos;
            peg$silentFails++;
            if (input.substr(peg$currPos, 3) === peg$c7) {
              s3 = peg$c7;
              peg$currPos += 3;
            } else {
              s3 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e9);
              }
            }
            peg$silentFails--;
            if (s3 !== peg$FAILED) {
              peg$currPos = s2;
              s2 = void 0;
            } else {
              s2 = peg$FAILED;
            }
            if (s2 !== peg$FAILED) {
              peg$savedPos = s0;
              s0 = peg$f27();
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        }
        return s0;
      }
      function peg$parsemll_body() {
        let s0, s1, s2, s3, s4, s5, s6;
        s0 = peg$currPos;
        s1 = [];
        s2 = peg$parsemll_content();
        while (s2 !== peg$FAILED) {
          s1.push(s2);
          s2 = peg$parsemll_content();
        }
        s2 = [];
        s3 = peg$currPos;
        s4 = peg$parsemll_quotes();
        if (s4 !== peg$FAILED) {
          s5 = [];
          s6 = peg$parsemll_content();
          if (s6 !== peg$FAILED) {
            while (s6 !== peg$FAILED) {
              s5.push(s6);
              s6 = peg$parsemll_content();
            }
          } else {
            s5 = peg$FAILED;
          }
          if (s5 !== peg$FAILED) {
            s4 = [s4, s5];
            s3 = s4;
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
        } else {
          peg$currPos = s3;
          s3 = peg$FAILED;
        }
        while (s3 !== peg$FAILED) {
          s2.push(s3);
          s3 = peg$currPos;
          s4 = peg$parsemll_quotes();
          if (s4 !== peg$FAILED) {
            s5 = [];
            s6 = peg$parsemll_content();
            if (s6 !== peg$FAILED) {
              while (s6 !== peg$FAILED) {
                s5.push(s6);
                s6 = peg$parsemll_content();
              }
            } else {
              s5 = peg$FAILED;
            }
            if (s5 !== peg$FAILED) {
              s4 = [s4, s5];
              s3 = s4;
            } else {
              peg$currPos = s3;
              s3 = peg$FAILED;
            }
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
        }
        s3 = peg$parsemll_trailing();
        if (s3 === peg$FAILED) {
          s3 = null;
        }
        peg$savedPos = s0;
        s0 = peg$f28(s1, s2, s3);
        return s0;
      }
      function peg$parsemll_content() {
        let s0, s1, s2;
        s0 = peg$currPos;
        if (input.substr(peg$currPos, 2) === peg$c12) {
          s1 = peg$c12;
          peg$currPos += 2;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e15);
          }
        }
        if (s1 !== peg$FAILED) {
          peg$savedPos = s0;
          s1 = peg$f29();
        }
        s0 = s1;
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          s1 = [];
          s2 = input.charAt(peg$currPos);
          if (peg$r3.test(s2)) {
            peg$currPos++;
          } else {
            s2 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e18);
            }
          }
          if (s2 !== peg$FAILED) {
            while (s2 !== peg$FAILED) {
              s1.push(s2);
              s2 = input.charAt(peg$currPos);
              if (peg$r3.test(s2)) {
                peg$currPos++;
              } else {
                s2 = peg$FAILED;
                if (peg$silentFails === 0) {
                  peg$fail(peg$e18);
                }
              }
            }
          } else {
            s1 = peg$FAILED;
          }
          if (s1 !== peg$FAILED) {
            s0 = input.substring(s0, peg$currPos);
          } else {
            s0 = s1;
          }
        }
        return s0;
      }
      function peg$parsemll_quotes() {
        let s0, s1, s2, s3;
        s0 = peg$currPos;
        if (input.substr(peg$currPos, 2) === peg$c14) {
          s1 = peg$c14;
          peg$currPos += 2;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e19);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = peg$currPos;
          peg$silentFails++;
          if (input.charCodeAt(peg$currPos) === 39) {
            s3 = peg$c10;
            peg$currPos++;
          } else {
            s3 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e12);
            }
          }
          peg$silentFails--;
          if (s3 === peg$FAILED) {
            s2 = void 0;
          } else {
            peg$currPos = s2;
            s2 = peg$FAILED;
          }
          if (s2 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f30();
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          if (input.charCodeAt(peg$currPos) === 39) {
            s1 = peg$c10;
            peg$currPos++;
          } else {
            s1 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e12);
            }
          }
          if (s1 !== peg$FAILED) {
            s2 = peg$currPos;
            peg$silentFails++;
            if (input.charCodeAt(peg$currPos) === 39) {
              s3 = peg$c10;
              peg$currPos++;
            } else {
              s3 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e12);
              }
            }
            peg$silentFails--;
            if (s3 === peg$FAILED) {
              s2 = void 0;
            } else {
              peg$currPos = s2;
              s2 = peg$FAILED;
            }
            if (s2 !== peg$FAILED) {
              peg$savedPos = s0;
              s0 = peg$f31();
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        }
        return s0;
      }
      function peg$parsemll_trailing() {
        let s0, s1, s2, s3;
        s0 = peg$currPos;
        if (input.substr(peg$currPos, 2) === peg$c14) {
          s1 = peg$c14;
          peg$currPos += 2;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e19);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = peg$currPos;
          peg$silentFails++;
          if (input.substr(peg$currPos, 3) === peg$c9) {
            s3 = peg$c9;
            peg$currPos += 3;
          } else {
            s3 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e11);
            }
          }
          peg$silentFails--;
          if (s3 !== peg$FAILED) {
            peg$currPos = s2;
            s2 = void 0;
          } else {
            s2 = peg$FAILED;
          }
          if (s2 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f32();
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          if (input.charCodeAt(peg$currPos) === 39) {
            s1 = peg$c10;
            peg$currPos++;
          } else {
            s1 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e12);
            }
          }
          if (s1 !== peg$FAILED) {
            s2 = peg$currPos;
            peg$silentFails++;
            if (input.substr(peg$currPos, 3) === peg$c9) {
              s3 = peg$c9;
              peg$currPos += 3;
            } else {
              s3 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e11);
              }
            }
            peg$silentFails--;
            if (s3 !== peg$FAILED) {
              peg$currPos = s2;
              s2 = void 0;
            } else {
              s2 = peg$FAILED;
            }
            if (s2 !== peg$FAILED) {
              peg$savedPos = s0;
              s0 = peg$f33();
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        }
        return s0;
      }
      function peg$parsestring_char() {
        let s0, s1, s2;
        s0 = peg$parseESCAPED();
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          if (input.charCodeAt(peg$currPos) === 92) {
            s1 = peg$c11;
            peg$currPos++;
          } else {
            s1 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e13);
            }
          }
          if (s1 !== peg$FAILED) {
            if (input.length > peg$currPos) {
              s2 = input.charAt(peg$currPos);
              peg$currPos++;
            } else {
              s2 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e14);
              }
            }
            if (s2 !== peg$FAILED) {
              peg$savedPos = s0;
              s0 = peg$f34();
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
          if (s0 === peg$FAILED) {
            s0 = peg$currPos;
            s1 = [];
            s2 = input.charAt(peg$currPos);
            if (peg$r4.test(s2)) {
              peg$currPos++;
            } else {
              s2 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e20);
              }
            }
            if (s2 !== peg$FAILED) {
              while (s2 !== peg$FAILED) {
                s1.push(s2);
                s2 = input.charAt(peg$currPos);
                if (peg$r4.test(s2)) {
                  peg$currPos++;
                } else {
                  s2 = peg$FAILED;
                  if (peg$silentFails === 0) {
                    peg$fail(peg$e20);
                  }
                }
              }
            } else {
              s1 = peg$FAILED;
            }
            if (s1 !== peg$FAILED) {
              s0 = input.substring(s0, peg$currPos);
            } else {
              s0 = s1;
            }
          }
        }
        return s0;
      }
      function peg$parseliteral_char() {
        let s0, s1, s2;
        s0 = peg$currPos;
        s1 = [];
        s2 = input.charAt(peg$currPos);
        if (peg$r5.test(s2)) {
          peg$currPos++;
        } else {
          s2 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e21);
          }
        }
        if (s2 !== peg$FAILED) {
          while (s2 !== peg$FAILED) {
            s1.push(s2);
            s2 = input.charAt(peg$currPos);
            if (peg$r5.test(s2)) {
              peg$currPos++;
            } else {
              s2 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e21);
              }
            }
          }
        } else {
          s1 = peg$FAILED;
        }
        if (s1 !== peg$FAILED) {
          s0 = input.substring(s0, peg$currPos);
        } else {
          s0 = s1;
        }
        return s0;
      }
      function peg$parsefloat() {
        let s0, s1, s2, s3;
        s0 = peg$currPos;
        s1 = peg$parsefloat_or_int_text();
        if (s1 !== peg$FAILED) {
          s2 = input.charAt(peg$currPos);
          if (peg$r6.test(s2)) {
            peg$currPos++;
          } else {
            s2 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e22);
            }
          }
          if (s2 !== peg$FAILED) {
            s3 = peg$parsefloat_exp_text();
            if (s3 !== peg$FAILED) {
              peg$savedPos = s0;
              s0 = peg$f35(s1, s3);
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          s1 = peg$parsefloat_text();
          if (s1 !== peg$FAILED) {
            peg$savedPos = s0;
            s1 = peg$f36(s1);
          }
          s0 = s1;
        }
        return s0;
      }
      function peg$parsefloat_text() {
        let s0, s1, s2, s3, s4, s5;
        s0 = peg$currPos;
        s1 = input.charAt(peg$currPos);
        if (peg$r1.test(s1)) {
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e6);
          }
        }
        if (s1 === peg$FAILED) {
          s1 = null;
        }
        s2 = peg$parseFLOAT_DEC_INT();
        if (s2 !== peg$FAILED) {
          if (input.charCodeAt(peg$currPos) === 46) {
            s3 = peg$c3;
            peg$currPos++;
          } else {
            s3 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e4);
            }
          }
          if (s3 !== peg$FAILED) {
            s4 = peg$currPos;
            s5 = peg$parseDEC_DIGIT_SEQ();
            if (s5 !== peg$FAILED) {
              s4 = input.substring(s4, peg$currPos);
            } else {
              s4 = s5;
            }
            if (s4 !== peg$FAILED) {
              peg$savedPos = s0;
              s0 = peg$f37(s1, s2, s4);
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parsefloat_or_int_text() {
        let s0, s1, s2, s3, s4, s5;
        s0 = peg$currPos;
        s1 = input.charAt(peg$currPos);
        if (peg$r1.test(s1)) {
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e6);
          }
        }
        if (s1 === peg$FAILED) {
          s1 = null;
        }
        s2 = peg$parseFLOAT_DEC_INT();
        if (s2 !== peg$FAILED) {
          if (input.charCodeAt(peg$currPos) === 46) {
            s3 = peg$c3;
            peg$currPos++;
          } else {
            s3 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e4);
            }
          }
          if (s3 !== peg$FAILED) {
            s4 = peg$currPos;
            s5 = peg$parseDEC_DIGIT_SEQ();
            if (s5 !== peg$FAILED) {
              s4 = input.substring(s4, peg$currPos);
            } else {
              s4 = s5;
            }
            if (s4 !== peg$FAILED) {
              peg$savedPos = s0;
              s0 = peg$f38(s1, s2, s4);
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          s1 = input.charAt(peg$currPos);
          if (peg$r1.test(s1)) {
            peg$currPos++;
          } else {
            s1 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e6);
            }
          }
          if (s1 === peg$FAILED) {
            s1 = null;
          }
          s2 = peg$parseFLOAT_DEC_INT();
          if (s2 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f39(s1, s2);
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        }
        return s0;
      }
      function peg$parseFLOAT_DEC_INT() {
        let s0, s1;
        s0 = peg$currPos;
        if (input.charCodeAt(peg$currPos) === 48) {
          s1 = peg$c15;
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e23);
          }
        }
        if (s1 !== peg$FAILED) {
          peg$savedPos = s0;
          s1 = peg$f40();
        }
        s0 = s1;
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          s1 = peg$parseDEC_INT_NOZERO_SEQ();
          if (s1 !== peg$FAILED) {
            s0 = input.substring(s0, peg$currPos);
          } else {
            s0 = s1;
          }
        }
        return s0;
      }
      function peg$parsefloat_exp_text() {
        let s0, s1, s2, s3;
        s0 = peg$currPos;
        s1 = input.charAt(peg$currPos);
        if (peg$r1.test(s1)) {
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e6);
          }
        }
        if (s1 === peg$FAILED) {
          s1 = null;
        }
        s2 = peg$currPos;
        s3 = peg$parseDEC_DIGIT_SEQ();
        if (s3 !== peg$FAILED) {
          s2 = input.substring(s2, peg$currPos);
        } else {
          s2 = s3;
        }
        if (s2 !== peg$FAILED) {
          peg$savedPos = s0;
          s0 = peg$f41(s1, s2);
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parseinteger() {
        let s0, s1, s2, s3;
        s0 = peg$currPos;
        if (input.substr(peg$currPos, 2) === peg$c16) {
          s1 = peg$c16;
          peg$currPos += 2;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e24);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = peg$currPos;
          s3 = peg$parseHEX_DIGIT_SEQ();
          if (s3 !== peg$FAILED) {
            s2 = input.substring(s2, peg$currPos);
          } else {
            s2 = s3;
          }
          if (s2 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f42(s2);
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          if (input.substr(peg$currPos, 2) === peg$c17) {
            s1 = peg$c17;
            peg$currPos += 2;
          } else {
            s1 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e25);
            }
          }
          if (s1 !== peg$FAILED) {
            s2 = peg$currPos;
            s3 = peg$parseOCT_DIGIT_SEQ();
            if (s3 !== peg$FAILED) {
              s2 = input.substring(s2, peg$currPos);
            } else {
              s2 = s3;
            }
            if (s2 !== peg$FAILED) {
              peg$savedPos = s0;
              s0 = peg$f43(s2);
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
          if (s0 === peg$FAILED) {
            s0 = peg$currPos;
            if (input.substr(peg$currPos, 2) === peg$c18) {
              s1 = peg$c18;
              peg$currPos += 2;
            } else {
              s1 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e26);
              }
            }
            if (s1 !== peg$FAILED) {
              s2 = peg$currPos;
              s3 = peg$parseBIN_DIGIT_SEQ();
              if (s3 !== peg$FAILED) {
                s2 = input.substring(s2, peg$currPos);
              } else {
                s2 = s3;
              }
              if (s2 !== peg$FAILED) {
                peg$savedPos = s0;
                s0 = peg$f44(s2);
              } else {
                peg$currPos = s0;
                s0 = peg$FAILED;
              }
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
            if (s0 === peg$FAILED) {
              s0 = peg$currPos;
              s1 = peg$parsedec_integer_text();
              if (s1 !== peg$FAILED) {
                peg$savedPos = s0;
                s1 = peg$f45(s1);
              }
              s0 = s1;
            }
          }
        }
        return s0;
      }
      function peg$parsedec_integer_text() {
        let s0, s1, s2, s3, s4, s5;
        s0 = peg$currPos;
        s1 = input.charAt(peg$currPos);
        if (peg$r1.test(s1)) {
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e6);
          }
        }
        if (s1 === peg$FAILED) {
          s1 = null;
        }
        if (input.charCodeAt(peg$currPos) === 48) {
          s2 = peg$c15;
          peg$currPos++;
        } else {
          s2 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e23);
          }
        }
        if (s2 !== peg$FAILED) {
          s3 = peg$currPos;
          peg$silentFails++;
          s4 = input.charAt(peg$currPos);
          if (peg$r7.test(s4)) {
            peg$currPos++;
          } else {
            s4 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e27);
            }
          }
          peg$silentFails--;
          if (s4 === peg$FAILED) {
            s3 = void 0;
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
          if (s3 !== peg$FAILED) {
            s4 = peg$currPos;
            peg$silentFails++;
            if (input.charCodeAt(peg$currPos) === 46) {
              s5 = peg$c3;
              peg$currPos++;
            } else {
              s5 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e4);
              }
            }
            peg$silentFails--;
            if (s5 === peg$FAILED) {
              s4 = void 0;
            } else {
              peg$currPos = s4;
              s4 = peg$FAILED;
            }
            if (s4 !== peg$FAILED) {
              peg$savedPos = s0;
              s0 = peg$f46(s1);
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          s1 = input.charAt(peg$currPos);
          if (peg$r1.test(s1)) {
            peg$currPos++;
          } else {
            s1 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e6);
            }
          }
          if (s1 === peg$FAILED) {
            s1 = null;
          }
          s2 = peg$currPos;
          s3 = peg$parseDEC_INT_NOZERO_SEQ();
          if (s3 !== peg$FAILED) {
            s2 = input.substring(s2, peg$currPos);
          } else {
            s2 = s3;
          }
          if (s2 !== peg$FAILED) {
            s3 = peg$currPos;
            peg$silentFails++;
            if (input.charCodeAt(peg$currPos) === 46) {
              s4 = peg$c3;
              peg$currPos++;
            } else {
              s4 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e4);
              }
            }
            peg$silentFails--;
            if (s4 === peg$FAILED) {
              s3 = void 0;
            } else {
              peg$currPos = s3;
              s3 = peg$FAILED;
            }
            if (s3 !== peg$FAILED) {
              peg$savedPos = s0;
              s0 = peg$f47(s1, s2);
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        }
        return s0;
      }
      function peg$parseDEC_INT_NOZERO_SEQ() {
        let s0, s1, s2, s3, s4, s5;
        s0 = peg$currPos;
        s1 = input.charAt(peg$currPos);
        if (peg$r8.test(s1)) {
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e28);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = [];
          s3 = peg$currPos;
          s4 = input.charAt(peg$currPos);
          if (peg$r9.test(s4)) {
            peg$currPos++;
          } else {
            s4 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e29);
            }
          }
          if (s4 === peg$FAILED) {
            s4 = null;
          }
          s5 = input.charAt(peg$currPos);
          if (peg$r10.test(s5)) {
            peg$currPos++;
          } else {
            s5 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e30);
            }
          }
          if (s5 !== peg$FAILED) {
            s4 = [s4, s5];
            s3 = s4;
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
          while (s3 !== peg$FAILED) {
            s2.push(s3);
            s3 = peg$currPos;
            s4 = input.charAt(peg$currPos);
            if (peg$r9.test(s4)) {
              peg$currPos++;
            } else {
              s4 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e29);
              }
            }
            if (s4 === peg$FAILED) {
              s4 = null;
            }
            s5 = input.charAt(peg$currPos);
            if (peg$r10.test(s5)) {
              peg$currPos++;
            } else {
              s5 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e30);
              }
            }
            if (s5 !== peg$FAILED) {
              s4 = [s4, s5];
              s3 = s4;
            } else {
              peg$currPos = s3;
              s3 = peg$FAILED;
            }
          }
          s1 = [s1, s2];
          s0 = s1;
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parseDEC_DIGIT_SEQ() {
        let s0, s1, s2, s3, s4, s5;
        s0 = peg$currPos;
        s1 = input.charAt(peg$currPos);
        if (peg$r10.test(s1)) {
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e30);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = [];
          s3 = peg$currPos;
          s4 = input.charAt(peg$currPos);
          if (peg$r9.test(s4)) {
            peg$currPos++;
          } else {
            s4 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e29);
            }
          }
          if (s4 === peg$FAILED) {
            s4 = null;
          }
          s5 = input.charAt(peg$currPos);
          if (peg$r10.test(s5)) {
            peg$currPos++;
          } else {
            s5 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e30);
            }
          }
          if (s5 !== peg$FAILED) {
            s4 = [s4, s5];
            s3 = s4;
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
          while (s3 !== peg$FAILED) {
            s2.push(s3);
            s3 = peg$currPos;
            s4 = input.charAt(peg$currPos);
            if (peg$r9.test(s4)) {
              peg$currPos++;
            } else {
              s4 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e29);
              }
            }
            if (s4 === peg$FAILED) {
              s4 = null;
            }
            s5 = input.charAt(peg$currPos);
            if (peg$r10.test(s5)) {
              peg$currPos++;
            } else {
              s5 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e30);
              }
            }
            if (s5 !== peg$FAILED) {
              s4 = [s4, s5];
              s3 = s4;
            } else {
              peg$currPos = s3;
              s3 = peg$FAILED;
            }
          }
          s1 = [s1, s2];
          s0 = s1;
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parseHEX_DIGIT_SEQ() {
        let s0, s1, s2, s3, s4, s5;
        s0 = peg$currPos;
        s1 = input.charAt(peg$currPos);
        if (peg$r11.test(s1)) {
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e31);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = [];
          s3 = peg$currPos;
          s4 = input.charAt(peg$currPos);
          if (peg$r9.test(s4)) {
            peg$currPos++;
          } else {
            s4 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e29);
            }
          }
          if (s4 === peg$FAILED) {
            s4 = null;
          }
          s5 = input.charAt(peg$currPos);
          if (peg$r11.test(s5)) {
            peg$currPos++;
          } else {
            s5 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e31);
            }
          }
          if (s5 !== peg$FAILED) {
            s4 = [s4, s5];
            s3 = s4;
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
          while (s3 !== peg$FAILED) {
            s2.push(s3);
            s3 = peg$currPos;
            s4 = input.charAt(peg$currPos);
            if (peg$r9.test(s4)) {
              peg$currPos++;
            } else {
              s4 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e29);
              }
            }
            if (s4 === peg$FAILED) {
              s4 = null;
            }
            s5 = input.charAt(peg$currPos);
            if (peg$r11.test(s5)) {
              peg$currPos++;
            } else {
              s5 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e31);
              }
            }
            if (s5 !== peg$FAILED) {
              s4 = [s4, s5];
              s3 = s4;
            } else {
              peg$currPos = s3;
              s3 = peg$FAILED;
            }
          }
          s1 = [s1, s2];
          s0 = s1;
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parseOCT_DIGIT_SEQ() {
        let s0, s1, s2, s3, s4, s5;
        s0 = peg$currPos;
        s1 = input.charAt(peg$currPos);
        if (peg$r12.test(s1)) {
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e32);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = [];
          s3 = peg$currPos;
          s4 = input.charAt(peg$currPos);
          if (peg$r9.test(s4)) {
            peg$currPos++;
          } else {
            s4 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e29);
            }
          }
          if (s4 === peg$FAILED) {
            s4 = null;
          }
          s5 = input.charAt(peg$currPos);
          if (peg$r12.test(s5)) {
            peg$currPos++;
          } else {
            s5 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e32);
            }
          }
          if (s5 !== peg$FAILED) {
            s4 = [s4, s5];
            s3 = s4;
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
          while (s3 !== peg$FAILED) {
            s2.push(s3);
            s3 = peg$currPos;
            s4 = input.charAt(peg$currPos);
            if (peg$r9.test(s4)) {
              peg$currPos++;
            } else {
              s4 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e29);
              }
            }
            if (s4 === peg$FAILED) {
              s4 = null;
            }
            s5 = input.charAt(peg$currPos);
            if (peg$r12.test(s5)) {
              peg$currPos++;
            } else {
              s5 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e32);
              }
            }
            if (s5 !== peg$FAILED) {
              s4 = [s4, s5];
              s3 = s4;
            } else {
              peg$currPos = s3;
              s3 = peg$FAILED;
            }
          }
          s1 = [s1, s2];
          s0 = s1;
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parseBIN_DIGIT_SEQ() {
        let s0, s1, s2, s3, s4, s5;
        s0 = peg$currPos;
        s1 = input.charAt(peg$currPos);
        if (peg$r13.test(s1)) {
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e33);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = [];
          s3 = peg$currPos;
          s4 = input.charAt(peg$currPos);
          if (peg$r9.test(s4)) {
            peg$currPos++;
          } else {
            s4 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e29);
            }
          }
          if (s4 === peg$FAILED) {
            s4 = null;
          }
          s5 = input.charAt(peg$currPos);
          if (peg$r13.test(s5)) {
            peg$currPos++;
          } else {
            s5 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e33);
            }
          }
          if (s5 !== peg$FAILED) {
            s4 = [s4, s5];
            s3 = s4;
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
          while (s3 !== peg$FAILED) {
            s2.push(s3);
            s3 = peg$currPos;
            s4 = input.charAt(peg$currPos);
            if (peg$r9.test(s4)) {
              peg$currPos++;
            } else {
              s4 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e29);
              }
            }
            if (s4 === peg$FAILED) {
              s4 = null;
            }
            s5 = input.charAt(peg$currPos);
            if (peg$r13.test(s5)) {
              peg$currPos++;
            } else {
              s5 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e33);
              }
            }
            if (s5 !== peg$FAILED) {
              s4 = [s4, s5];
              s3 = s4;
            } else {
              peg$currPos = s3;
              s3 = peg$FAILED;
            }
          }
          s1 = [s1, s2];
          s0 = s1;
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parseboolean() {
        let s0, s1;
        s0 = peg$currPos;
        if (input.substr(peg$currPos, 4) === peg$c19) {
          s1 = peg$c19;
          peg$currPos += 4;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e34);
          }
        }
        if (s1 !== peg$FAILED) {
          peg$savedPos = s0;
          s1 = peg$f48();
        }
        s0 = s1;
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          if (input.substr(peg$currPos, 5) === peg$c20) {
            s1 = peg$c20;
            peg$currPos += 5;
          } else {
            s1 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e35);
            }
          }
          if (s1 !== peg$FAILED) {
            peg$savedPos = s0;
            s1 = peg$f49();
          }
          s0 = s1;
        }
        return s0;
      }
      function peg$parsearray() {
        let s0, s1, s2, s3, s4, s5, s6, s7, s8, s9;
        s0 = peg$currPos;
        if (input.charCodeAt(peg$currPos) === 91) {
          s1 = peg$c1;
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e2);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = [];
          s3 = peg$parsearray_sep();
          while (s3 !== peg$FAILED) {
            s2.push(s3);
            s3 = peg$parsearray_sep();
          }
          if (input.charCodeAt(peg$currPos) === 93) {
            s3 = peg$c2;
            peg$currPos++;
          } else {
            s3 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e3);
            }
          }
          if (s3 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f50();
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          if (input.charCodeAt(peg$currPos) === 91) {
            s1 = peg$c1;
            peg$currPos++;
          } else {
            s1 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e2);
            }
          }
          if (s1 !== peg$FAILED) {
            s2 = [];
            s3 = peg$parsearray_sep();
            while (s3 !== peg$FAILED) {
              s2.push(s3);
              s3 = peg$parsearray_sep();
            }
            s3 = peg$parsevalue();
            if (s3 !== peg$FAILED) {
              s4 = [];
              s5 = peg$currPos;
              s6 = [];
              s7 = peg$parsearray_sep();
              while (s7 !== peg$FAILED) {
                s6.push(s7);
                s7 = peg$parsearray_sep();
              }
              if (input.charCodeAt(peg$currPos) === 44) {
                s7 = peg$c21;
                peg$currPos++;
              } else {
                s7 = peg$FAILED;
                if (peg$silentFails === 0) {
                  peg$fail(peg$e36);
                }
              }
              if (s7 !== peg$FAILED) {
                s8 = [];
                s9 = peg$parsearray_sep();
                while (s9 !== peg$FAILED) {
                  s8.push(s9);
                  s9 = peg$parsearray_sep();
                }
                s9 = peg$parsevalue();
                if (s9 !== peg$FAILED) {
                  peg$savedPos = s5;
                  s5 = peg$f51(s3, s9);
                } else {
                  peg$currPos = s5;
                  s5 = peg$FAILED;
                }
              } else {
                peg$currPos = s5;
                s5 = peg$FAILED;
              }
              while (s5 !== peg$FAILED) {
                s4.push(s5);
                s5 = peg$currPos;
                s6 = [];
                s7 = peg$parsearray_sep();
                while (s7 !== peg$FAILED) {
                  s6.push(s7);
                  s7 = peg$parsearray_sep();
                }
                if (input.charCodeAt(peg$currPos) === 44) {
                  s7 = peg$c21;
                  peg$currPos++;
                } else {
                  s7 = peg$FAILED;
                  if (peg$silentFails === 0) {
                    peg$fail(peg$e36);
                  }
                }
                if (s7 !== peg$FAILED) {
                  s8 = [];
                  s9 = peg$parsearray_sep();
                  while (s9 !== peg$FAILED) {
                    s8.push(s9);
                    s9 = peg$parsearray_sep();
                  }
                  s9 = peg$parsevalue();
                  if (s9 !== peg$FAILED) {
                    peg$savedPos = s5;
                    s5 = peg$f51(s3, s9);
                  } else {
                    peg$currPos = s5;
                    s5 = peg$FAILED;
                  }
                } else {
                  peg$currPos = s5;
                  s5 = peg$FAILED;
                }
              }
              s5 = [];
              s6 = peg$parsearray_sep();
              while (s6 !== peg$FAILED) {
                s5.push(s6);
                s6 = peg$parsearray_sep();
              }
              if (input.charCodeAt(peg$currPos) === 44) {
                s6 = peg$c21;
                peg$currPos++;
              } else {
                s6 = peg$FAILED;
                if (peg$silentFails === 0) {
                  peg$fail(peg$e36);
                }
              }
              if (s6 === peg$FAILED) {
                s6 = null;
              }
              s7 = [];
              s8 = peg$parsearray_sep();
              while (s8 !== peg$FAILED) {
                s7.push(s8);
                s8 = peg$parsearray_sep();
              }
              if (input.charCodeAt(peg$currPos) === 93) {
                s8 = peg$c2;
                peg$currPos++;
              } else {
                s8 = peg$FAILED;
                if (peg$silentFails === 0) {
                  peg$fail(peg$e3);
                }
              }
              if (s8 !== peg$FAILED) {
                peg$savedPos = s0;
                s0 = peg$f52(s3, s4);
              } else {
                peg$currPos = s0;
                s0 = peg$FAILED;
              }
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        }
        return s0;
      }
      function peg$parsearray_sep() {
        let s0;
        s0 = peg$parseS();
        if (s0 === peg$FAILED) {
          s0 = peg$parseNL();
          if (s0 === peg$FAILED) {
            s0 = peg$parsecomment();
          }
        }
        return s0;
      }
      function peg$parseinline_table() {
        let s0, s1, s2, s3, s4, s5, s6, s7, s8, s9;
        s0 = peg$currPos;
        if (input.charCodeAt(peg$currPos) === 123) {
          s1 = peg$c22;
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e37);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = [];
          s3 = peg$parseinline_sep();
          while (s3 !== peg$FAILED) {
            s2.push(s3);
            s3 = peg$parseinline_sep();
          }
          if (input.charCodeAt(peg$currPos) === 125) {
            s3 = peg$c23;
            peg$currPos++;
          } else {
            s3 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e38);
            }
          }
          if (s3 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f53();
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          if (input.charCodeAt(peg$currPos) === 123) {
            s1 = peg$c22;
            peg$currPos++;
          } else {
            s1 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e37);
            }
          }
          if (s1 !== peg$FAILED) {
            s2 = [];
            s3 = peg$parseinline_sep();
            while (s3 !== peg$FAILED) {
              s2.push(s3);
              s3 = peg$parseinline_sep();
            }
            s3 = peg$parseinline_table_entry();
            if (s3 !== peg$FAILED) {
              s4 = [];
              s5 = peg$currPos;
              s6 = [];
              s7 = peg$parseinline_sep();
              while (s7 !== peg$FAILED) {
                s6.push(s7);
                s7 = peg$parseinline_sep();
              }
              if (input.charCodeAt(peg$currPos) === 44) {
                s7 = peg$c21;
                peg$currPos++;
              } else {
                s7 = peg$FAILED;
                if (peg$silentFails === 0) {
                  peg$fail(peg$e36);
                }
              }
              if (s7 !== peg$FAILED) {
                s8 = [];
                s9 = peg$parseinline_sep();
                while (s9 !== peg$FAILED) {
                  s8.push(s9);
                  s9 = peg$parseinline_sep();
                }
                s9 = peg$parseinline_table_entry();
                if (s9 !== peg$FAILED) {
                  peg$savedPos = s5;
                  s5 = peg$f54(s3, s9);
                } else {
                  peg$currPos = s5;
                  s5 = peg$FAILED;
                }
              } else {
                peg$currPos = s5;
                s5 = peg$FAILED;
              }
              while (s5 !== peg$FAILED) {
                s4.push(s5);
                s5 = peg$currPos;
                s6 = [];
                s7 = peg$parseinline_sep();
                while (s7 !== peg$FAILED) {
                  s6.push(s7);
                  s7 = peg$parseinline_sep();
                }
                if (input.charCodeAt(peg$currPos) === 44) {
                  s7 = peg$c21;
                  peg$currPos++;
                } else {
                  s7 = peg$FAILED;
                  if (peg$silentFails === 0) {
                    peg$fail(peg$e36);
                  }
                }
                if (s7 !== peg$FAILED) {
                  s8 = [];
                  s9 = peg$parseinline_sep();
                  while (s9 !== peg$FAILED) {
                    s8.push(s9);
                    s9 = peg$parseinline_sep();
                  }
                  s9 = peg$parseinline_table_entry();
                  if (s9 !== peg$FAILED) {
                    peg$savedPos = s5;
                    s5 = peg$f54(s3, s9);
                  } else {
                    peg$currPos = s5;
                    s5 = peg$FAILED;
                  }
                } else {
                  peg$currPos = s5;
                  s5 = peg$FAILED;
                }
              }
              s5 = [];
              s6 = peg$parseinline_sep();
              while (s6 !== peg$FAILED) {
                s5.push(s6);
                s6 = peg$parseinline_sep();
              }
              if (input.charCodeAt(peg$currPos) === 44) {
                s6 = peg$c21;
                peg$currPos++;
              } else {
                s6 = peg$FAILED;
                if (peg$silentFails === 0) {
                  peg$fail(peg$e36);
                }
              }
              if (s6 === peg$FAILED) {
                s6 = null;
              }
              s7 = [];
              s8 = peg$parseinline_sep();
              while (s8 !== peg$FAILED) {
                s7.push(s8);
                s8 = peg$parseinline_sep();
              }
              if (input.charCodeAt(peg$currPos) === 125) {
                s8 = peg$c23;
                peg$currPos++;
              } else {
                s8 = peg$FAILED;
                if (peg$silentFails === 0) {
                  peg$fail(peg$e38);
                }
              }
              if (s8 !== peg$FAILED) {
                peg$savedPos = s0;
                s0 = peg$f55(s3, s4);
              } else {
                peg$currPos = s0;
                s0 = peg$FAILED;
              }
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        }
        return s0;
      }
      function peg$parseinline_table_entry() {
        let s0, s1, s2, s3, s4, s5;
        s0 = peg$currPos;
        s1 = peg$parseinline_key();
        if (s1 !== peg$FAILED) {
          s2 = [];
          s3 = peg$parseS();
          while (s3 !== peg$FAILED) {
            s2.push(s3);
            s3 = peg$parseS();
          }
          if (input.charCodeAt(peg$currPos) === 61) {
            s3 = peg$c4;
            peg$currPos++;
          } else {
            s3 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e5);
            }
          }
          if (s3 !== peg$FAILED) {
            s4 = [];
            s5 = peg$parseS();
            while (s5 !== peg$FAILED) {
              s4.push(s5);
              s5 = peg$parseS();
            }
            s5 = peg$parsevalue();
            if (s5 !== peg$FAILED) {
              peg$savedPos = s0;
              s0 = peg$f56(s1, s5);
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parseinline_sep() {
        let s0;
        s0 = peg$parseS();
        if (s0 === peg$FAILED) {
          s0 = peg$parseNL();
          if (s0 === peg$FAILED) {
            s0 = peg$parsecomment();
          }
        }
        return s0;
      }
      function peg$parseinline_key() {
        let s0, s1, s2, s3;
        s0 = peg$currPos;
        s1 = [];
        s2 = peg$parseinline_dot_key_part();
        if (s2 !== peg$FAILED) {
          while (s2 !== peg$FAILED) {
            s1.push(s2);
            s2 = peg$parseinline_dot_key_part();
          }
        } else {
          s1 = peg$FAILED;
        }
        if (s1 !== peg$FAILED) {
          s2 = [];
          s3 = peg$parseS();
          while (s3 !== peg$FAILED) {
            s2.push(s3);
            s3 = peg$parseS();
          }
          s3 = peg$parsesimple_key();
          if (s3 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f57(s1, s3);
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          s1 = peg$parsesimple_key();
          if (s1 !== peg$FAILED) {
            peg$savedPos = s0;
            s1 = peg$f58(s1);
          }
          s0 = s1;
        }
        return s0;
      }
      function peg$parseinline_dot_key_part() {
        let s0, s1, s2, s3, s4;
        s0 = peg$currPos;
        s1 = [];
        s2 = peg$parseS();
        while (s2 !== peg$FAILED) {
          s1.push(s2);
          s2 = peg$parseS();
        }
        s2 = peg$parsesimple_key();
        if (s2 !== peg$FAILED) {
          s3 = [];
          s4 = peg$parseS();
          while (s4 !== peg$FAILED) {
            s3.push(s4);
            s4 = peg$parseS();
          }
          if (input.charCodeAt(peg$currPos) === 46) {
            s4 = peg$c3;
            peg$currPos++;
          } else {
            s4 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e4);
            }
          }
          if (s4 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f59(s2);
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parsesimple_key() {
        let s0;
        s0 = peg$parsekey();
        if (s0 === peg$FAILED) {
          s0 = peg$parsequoted_key();
        }
        return s0;
      }
      function peg$parsesecfragment() {
        let s0, s1, s2, s3, s4;
        s0 = peg$currPos;
        s1 = peg$currPos;
        if (input.charCodeAt(peg$currPos) === 46) {
          s2 = peg$c3;
          peg$currPos++;
        } else {
          s2 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e4);
          }
        }
        if (s2 !== peg$FAILED) {
          s3 = [];
          s4 = peg$parseDIGIT();
          if (s4 !== peg$FAILED) {
            while (s4 !== peg$FAILED) {
              s3.push(s4);
              s4 = peg$parseDIGIT();
            }
          } else {
            s3 = peg$FAILED;
          }
          if (s3 !== peg$FAILED) {
            s2 = [s2, s3];
            s1 = s2;
          } else {
            peg$currPos = s1;
            s1 = peg$FAILED;
          }
        } else {
          peg$currPos = s1;
          s1 = peg$FAILED;
        }
        if (s1 !== peg$FAILED) {
          s0 = input.substring(s0, peg$currPos);
        } else {
          s0 = s1;
        }
        return s0;
      }
      function peg$parsedate_part() {
        let s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11;
        s0 = peg$currPos;
        s1 = peg$currPos;
        s2 = peg$parseDIGIT();
        if (s2 !== peg$FAILED) {
          s3 = peg$parseDIGIT();
          if (s3 !== peg$FAILED) {
            s4 = peg$parseDIGIT();
            if (s4 !== peg$FAILED) {
              s5 = peg$parseDIGIT();
              if (s5 !== peg$FAILED) {
                if (input.charCodeAt(peg$currPos) === 45) {
                  s6 = peg$c24;
                  peg$currPos++;
                } else {
                  s6 = peg$FAILED;
                  if (peg$silentFails === 0) {
                    peg$fail(peg$e39);
                  }
                }
                if (s6 !== peg$FAILED) {
                  s7 = peg$parseDIGIT();
                  if (s7 !== peg$FAILED) {
                    s8 = peg$parseDIGIT();
                    if (s8 !== peg$FAILED) {
                      if (input.charCodeAt(peg$currPos) === 45) {
                        s9 = peg$c24;
                        peg$currPos++;
                      } else {
                        s9 = peg$FAILED;
                        if (peg$silentFails === 0) {
                          peg$fail(peg$e39);
                        }
                      }
                      if (s9 !== peg$FAILED) {
                        s10 = peg$parseDIGIT();
                        if (s10 !== peg$FAILED) {
                          s11 = peg$parseDIGIT();
                          if (s11 !== peg$FAILED) {
                            s2 = [s2, s3, s4, s5, s6, s7, s8, s9, s10, s11];
                            s1 = s2;
                          } else {
                            peg$currPos = s1;
                            s1 = peg$FAILED;
                          }
                        } else {
                          peg$currPos = s1;
                          s1 = peg$FAILED;
                        }
                      } else {
                        peg$currPos = s1;
                        s1 = peg$FAILED;
                      }
                    } else {
                      peg$currPos = s1;
                      s1 = peg$FAILED;
                    }
                  } else {
                    peg$currPos = s1;
                    s1 = peg$FAILED;
                  }
                } else {
                  peg$currPos = s1;
                  s1 = peg$FAILED;
                }
              } else {
                peg$currPos = s1;
                s1 = peg$FAILED;
              }
            } else {
              peg$currPos = s1;
              s1 = peg$FAILED;
            }
          } else {
            peg$currPos = s1;
            s1 = peg$FAILED;
          }
        } else {
          peg$currPos = s1;
          s1 = peg$FAILED;
        }
        if (s1 !== peg$FAILED) {
          s0 = input.substring(s0, peg$currPos);
        } else {
          s0 = s1;
        }
        return s0;
      }
      function peg$parsetime_part() {
        let s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10;
        s0 = peg$currPos;
        s1 = peg$currPos;
        s2 = peg$currPos;
        s3 = peg$parseDIGIT();
        if (s3 !== peg$FAILED) {
          s4 = peg$parseDIGIT();
          if (s4 !== peg$FAILED) {
            if (input.charCodeAt(peg$currPos) === 58) {
              s5 = peg$c25;
              peg$currPos++;
            } else {
              s5 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e40);
              }
            }
            if (s5 !== peg$FAILED) {
              s6 = peg$parseDIGIT();
              if (s6 !== peg$FAILED) {
                s7 = peg$parseDIGIT();
                if (s7 !== peg$FAILED) {
                  if (input.charCodeAt(peg$currPos) === 58) {
                    s8 = peg$c25;
                    peg$currPos++;
                  } else {
                    s8 = peg$FAILED;
                    if (peg$silentFails === 0) {
                      peg$fail(peg$e40);
                    }
                  }
                  if (s8 !== peg$FAILED) {
                    s9 = peg$parseDIGIT();
                    if (s9 !== peg$FAILED) {
                      s10 = peg$parseDIGIT();
                      if (s10 !== peg$FAILED) {
                        s3 = [s3, s4, s5, s6, s7, s8, s9, s10];
                        s2 = s3;
                      } else {
                        peg$currPos = s2;
                        s2 = peg$FAILED;
                      }
                    } else {
                      peg$currPos = s2;
                      s2 = peg$FAILED;
                    }
                  } else {
                    peg$currPos = s2;
                    s2 = peg$FAILED;
                  }
                } else {
                  peg$currPos = s2;
                  s2 = peg$FAILED;
                }
              } else {
                peg$currPos = s2;
                s2 = peg$FAILED;
              }
            } else {
              peg$currPos = s2;
              s2 = peg$FAILED;
            }
          } else {
            peg$currPos = s2;
            s2 = peg$FAILED;
          }
        } else {
          peg$currPos = s2;
          s2 = peg$FAILED;
        }
        if (s2 !== peg$FAILED) {
          s1 = input.substring(s1, peg$currPos);
        } else {
          s1 = s2;
        }
        if (s1 !== peg$FAILED) {
          s2 = peg$parsesecfragment();
          if (s2 === peg$FAILED) {
            s2 = null;
          }
          peg$savedPos = s0;
          s0 = peg$f60(s1, s2);
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          s1 = peg$currPos;
          s2 = peg$currPos;
          s3 = peg$parseDIGIT();
          if (s3 !== peg$FAILED) {
            s4 = peg$parseDIGIT();
            if (s4 !== peg$FAILED) {
              if (input.charCodeAt(peg$currPos) === 58) {
                s5 = peg$c25;
                peg$currPos++;
              } else {
                s5 = peg$FAILED;
                if (peg$silentFails === 0) {
                  peg$fail(peg$e40);
                }
              }
              if (s5 !== peg$FAILED) {
                s6 = peg$parseDIGIT();
                if (s6 !== peg$FAILED) {
                  s7 = peg$parseDIGIT();
                  if (s7 !== peg$FAILED) {
                    s3 = [s3, s4, s5, s6, s7];
                    s2 = s3;
                  } else {
                    peg$currPos = s2;
                    s2 = peg$FAILED;
                  }
                } else {
                  peg$currPos = s2;
                  s2 = peg$FAILED;
                }
              } else {
                peg$currPos = s2;
                s2 = peg$FAILED;
              }
            } else {
              peg$currPos = s2;
              s2 = peg$FAILED;
            }
          } else {
            peg$currPos = s2;
            s2 = peg$FAILED;
          }
          if (s2 !== peg$FAILED) {
            s1 = input.substring(s1, peg$currPos);
          } else {
            s1 = s2;
          }
          if (s1 !== peg$FAILED) {
            s2 = peg$currPos;
            peg$silentFails++;
            if (input.charCodeAt(peg$currPos) === 58) {
              s3 = peg$c25;
              peg$currPos++;
            } else {
              s3 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e40);
              }
            }
            peg$silentFails--;
            if (s3 === peg$FAILED) {
              s2 = void 0;
            } else {
              peg$currPos = s2;
              s2 = peg$FAILED;
            }
            if (s2 !== peg$FAILED) {
              peg$savedPos = s0;
              s0 = peg$f61(s1);
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        }
        return s0;
      }
      function peg$parseoffset() {
        let s0, s1, s2, s3, s4, s5, s6, s7;
        s0 = peg$currPos;
        s1 = input.charAt(peg$currPos);
        if (s1.toLowerCase() === peg$c26) {
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e41);
          }
        }
        if (s1 !== peg$FAILED) {
          peg$savedPos = s0;
          s1 = peg$f62();
        }
        s0 = s1;
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          s1 = peg$currPos;
          s2 = input.charAt(peg$currPos);
          if (peg$r1.test(s2)) {
            peg$currPos++;
          } else {
            s2 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e6);
            }
          }
          if (s2 !== peg$FAILED) {
            s3 = peg$parseDIGIT();
            if (s3 !== peg$FAILED) {
              s4 = peg$parseDIGIT();
              if (s4 !== peg$FAILED) {
                if (input.charCodeAt(peg$currPos) === 58) {
                  s5 = peg$c25;
                  peg$currPos++;
                } else {
                  s5 = peg$FAILED;
                  if (peg$silentFails === 0) {
                    peg$fail(peg$e40);
                  }
                }
                if (s5 !== peg$FAILED) {
                  s6 = peg$parseDIGIT();
                  if (s6 !== peg$FAILED) {
                    s7 = peg$parseDIGIT();
                    if (s7 !== peg$FAILED) {
                      s2 = [s2, s3, s4, s5, s6, s7];
                      s1 = s2;
                    } else {
                      peg$currPos = s1;
                      s1 = peg$FAILED;
                    }
                  } else {
                    peg$currPos = s1;
                    s1 = peg$FAILED;
                  }
                } else {
                  peg$currPos = s1;
                  s1 = peg$FAILED;
                }
              } else {
                peg$currPos = s1;
                s1 = peg$FAILED;
              }
            } else {
              peg$currPos = s1;
              s1 = peg$FAILED;
            }
          } else {
            peg$currPos = s1;
            s1 = peg$FAILED;
          }
          if (s1 !== peg$FAILED) {
            s0 = input.substring(s0, peg$currPos);
          } else {
            s0 = s1;
          }
        }
        return s0;
      }
      function peg$parsedatetime() {
        let s0, s1, s2, s3, s4;
        s0 = peg$currPos;
        s1 = peg$parsedate_part();
        if (s1 !== peg$FAILED) {
          s2 = peg$parsedatetime_delim();
          if (s2 !== peg$FAILED) {
            s3 = peg$parsetime_part();
            if (s3 !== peg$FAILED) {
              s4 = peg$parseoffset();
              if (s4 !== peg$FAILED) {
                peg$savedPos = s0;
                s0 = peg$f63(s1, s3, s4);
              } else {
                peg$currPos = s0;
                s0 = peg$FAILED;
              }
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          s1 = peg$parsedate_part();
          if (s1 !== peg$FAILED) {
            s2 = peg$parsedatetime_delim();
            if (s2 !== peg$FAILED) {
              s3 = peg$parsetime_part();
              if (s3 !== peg$FAILED) {
                peg$savedPos = s0;
                s0 = peg$f64(s1, s3);
              } else {
                peg$currPos = s0;
                s0 = peg$FAILED;
              }
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
          if (s0 === peg$FAILED) {
            s0 = peg$currPos;
            s1 = peg$parsedate_part();
            if (s1 !== peg$FAILED) {
              s2 = peg$currPos;
              peg$silentFails++;
              s3 = peg$parsedatetime_delim();
              peg$silentFails--;
              if (s3 === peg$FAILED) {
                s2 = void 0;
              } else {
                peg$currPos = s2;
                s2 = peg$FAILED;
              }
              if (s2 !== peg$FAILED) {
                peg$savedPos = s0;
                s0 = peg$f65(s1);
              } else {
                peg$currPos = s0;
                s0 = peg$FAILED;
              }
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
            if (s0 === peg$FAILED) {
              s0 = peg$currPos;
              s1 = peg$parsetime_part();
              if (s1 !== peg$FAILED) {
                peg$savedPos = s0;
                s1 = peg$f66(s1);
              }
              s0 = s1;
            }
          }
        }
        return s0;
      }
      function peg$parsedatetime_delim() {
        let s0, s1, s2, s3;
        s0 = input.charAt(peg$currPos);
        if (s0.toLowerCase() === peg$c27) {
          peg$currPos++;
        } else {
          s0 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e42);
          }
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          if (input.charCodeAt(peg$currPos) === 32) {
            s1 = peg$c28;
            peg$currPos++;
          } else {
            s1 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e43);
            }
          }
          if (s1 !== peg$FAILED) {
            s2 = peg$currPos;
            peg$silentFails++;
            s3 = peg$parseDIGIT();
            peg$silentFails--;
            if (s3 !== peg$FAILED) {
              peg$currPos = s2;
              s2 = void 0;
            } else {
              s2 = peg$FAILED;
            }
            if (s2 !== peg$FAILED) {
              s1 = [s1, s2];
              s0 = s1;
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        }
        return s0;
      }
      function peg$parseS() {
        let s0;
        s0 = input.charAt(peg$currPos);
        if (peg$r14.test(s0)) {
          peg$currPos++;
        } else {
          s0 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e44);
          }
        }
        return s0;
      }
      function peg$parseNL() {
        let s0, s1, s2;
        if (input.charCodeAt(peg$currPos) === 10) {
          s0 = peg$c29;
          peg$currPos++;
        } else {
          s0 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e45);
          }
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          if (input.charCodeAt(peg$currPos) === 13) {
            s1 = peg$c30;
            peg$currPos++;
          } else {
            s1 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e46);
            }
          }
          if (s1 !== peg$FAILED) {
            if (input.charCodeAt(peg$currPos) === 10) {
              s2 = peg$c29;
              peg$currPos++;
            } else {
              s2 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e45);
              }
            }
            if (s2 !== peg$FAILED) {
              s1 = [s1, s2];
              s0 = s1;
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        }
        return s0;
      }
      function peg$parseNLS() {
        let s0;
        s0 = peg$parseNL();
        if (s0 === peg$FAILED) {
          s0 = peg$parseS();
        }
        return s0;
      }
      function peg$parseEOF() {
        let s0, s1;
        s0 = peg$currPos;
        peg$silentFails++;
        if (input.length > peg$currPos) {
          s1 = input.charAt(peg$currPos);
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e14);
          }
        }
        peg$silentFails--;
        if (s1 === peg$FAILED) {
          s0 = void 0;
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        return s0;
      }
      function peg$parseBOM() {
        let s0;
        if (input.charCodeAt(peg$currPos) === 65279) {
          s0 = peg$c31;
          peg$currPos++;
        } else {
          s0 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e47);
          }
        }
        return s0;
      }
      function peg$parseDIGIT() {
        let s0;
        s0 = input.charAt(peg$currPos);
        if (peg$r10.test(s0)) {
          peg$currPos++;
        } else {
          s0 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e30);
          }
        }
        return s0;
      }
      function peg$parseHEX() {
        let s0;
        s0 = input.charAt(peg$currPos);
        if (peg$r11.test(s0)) {
          peg$currPos++;
        } else {
          s0 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e31);
          }
        }
        return s0;
      }
      function peg$parseASCII_BASIC() {
        let s0;
        s0 = input.charAt(peg$currPos);
        if (peg$r15.test(s0)) {
          peg$currPos++;
        } else {
          s0 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e48);
          }
        }
        return s0;
      }
      function peg$parseESCAPED() {
        let s0, s1, s2;
        s0 = peg$currPos;
        if (input.charCodeAt(peg$currPos) === 92) {
          s1 = peg$c11;
          peg$currPos++;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e13);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = input.charAt(peg$currPos);
          if (peg$r16.test(s2)) {
            peg$currPos++;
          } else {
            s2 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e49);
            }
          }
          if (s2 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f67(s2);
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$parseESCAPED_UNICODE();
        }
        return s0;
      }
      function peg$parseESCAPED_UNICODE() {
        let s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11;
        s0 = peg$currPos;
        if (input.substr(peg$currPos, 2) === peg$c32) {
          s1 = peg$c32;
          peg$currPos += 2;
        } else {
          s1 = peg$FAILED;
          if (peg$silentFails === 0) {
            peg$fail(peg$e50);
          }
        }
        if (s1 !== peg$FAILED) {
          s2 = peg$currPos;
          s3 = peg$currPos;
          s4 = peg$parseHEX();
          if (s4 !== peg$FAILED) {
            s5 = peg$parseHEX();
            if (s5 !== peg$FAILED) {
              s6 = peg$parseHEX();
              if (s6 !== peg$FAILED) {
                s7 = peg$parseHEX();
                if (s7 !== peg$FAILED) {
                  s8 = peg$parseHEX();
                  if (s8 !== peg$FAILED) {
                    s9 = peg$parseHEX();
                    if (s9 !== peg$FAILED) {
                      s10 = peg$parseHEX();
                      if (s10 !== peg$FAILED) {
                        s11 = peg$parseHEX();
                        if (s11 !== peg$FAILED) {
                          s4 = [s4, s5, s6, s7, s8, s9, s10, s11];
                          s3 = s4;
                        } else {
                          peg$currPos = s3;
                          s3 = peg$FAILED;
                        }
                      } else {
                        peg$currPos = s3;
                        s3 = peg$FAILED;
                      }
                    } else {
                      peg$currPos = s3;
                      s3 = peg$FAILED;
                    }
                  } else {
                    peg$currPos = s3;
                    s3 = peg$FAILED;
                  }
                } else {
                  peg$currPos = s3;
                  s3 = peg$FAILED;
                }
              } else {
                peg$currPos = s3;
                s3 = peg$FAILED;
              }
            } else {
              peg$currPos = s3;
              s3 = peg$FAILED;
            }
          } else {
            peg$currPos = s3;
            s3 = peg$FAILED;
          }
          if (s3 !== peg$FAILED) {
            s2 = input.substring(s2, peg$currPos);
          } else {
            s2 = s3;
          }
          if (s2 !== peg$FAILED) {
            peg$savedPos = s0;
            s0 = peg$f68(s2);
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
        } else {
          peg$currPos = s0;
          s0 = peg$FAILED;
        }
        if (s0 === peg$FAILED) {
          s0 = peg$currPos;
          if (input.substr(peg$currPos, 2) === peg$c33) {
            s1 = peg$c33;
            peg$currPos += 2;
          } else {
            s1 = peg$FAILED;
            if (peg$silentFails === 0) {
              peg$fail(peg$e51);
            }
          }
          if (s1 !== peg$FAILED) {
            s2 = peg$currPos;
            s3 = peg$currPos;
            s4 = peg$parseHEX();
            if (s4 !== peg$FAILED) {
              s5 = peg$parseHEX();
              if (s5 !== peg$FAILED) {
                s6 = peg$parseHEX();
                if (s6 !== peg$FAILED) {
                  s7 = peg$parseHEX();
                  if (s7 !== peg$FAILED) {
                    s4 = [s4, s5, s6, s7];
                    s3 = s4;
                  } else {
                    peg$currPos = s3;
                    s3 = peg$FAILED;
                  }
                } else {
                  peg$currPos = s3;
                  s3 = peg$FAILED;
                }
              } else {
                peg$currPos = s3;
                s3 = peg$FAILED;
              }
            } else {
              peg$currPos = s3;
              s3 = peg$FAILED;
            }
            if (s3 !== peg$FAILED) {
              s2 = input.substring(s2, peg$currPos);
            } else {
              s2 = s3;
            }
            if (s2 !== peg$FAILED) {
              peg$savedPos = s0;
              s0 = peg$f69(s2);
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          } else {
            peg$currPos = s0;
            s0 = peg$FAILED;
          }
          if (s0 === peg$FAILED) {
            s0 = peg$currPos;
            if (input.substr(peg$currPos, 2) === peg$c34) {
              s1 = peg$c34;
              peg$currPos += 2;
            } else {
              s1 = peg$FAILED;
              if (peg$silentFails === 0) {
                peg$fail(peg$e52);
              }
            }
            if (s1 !== peg$FAILED) {
              s2 = peg$currPos;
              s3 = peg$currPos;
              s4 = peg$parseHEX();
              if (s4 !== peg$FAILED) {
                s5 = peg$parseHEX();
                if (s5 !== peg$FAILED) {
                  s4 = [s4, s5];
                  s3 = s4;
                } else {
                  peg$currPos = s3;
                  s3 = peg$FAILED;
                }
              } else {
                peg$currPos = s3;
                s3 = peg$FAILED;
              }
              if (s3 !== peg$FAILED) {
                s2 = input.substring(s2, peg$currPos);
              } else {
                s2 = s3;
              }
              if (s2 !== peg$FAILED) {
                peg$savedPos = s0;
                s0 = peg$f70(s2);
              } else {
                peg$currPos = s0;
                s0 = peg$FAILED;
              }
            } else {
              peg$currPos = s0;
              s0 = peg$FAILED;
            }
          }
        }
        return s0;
      }
      var nodes = [];
      var inputText = input;
      var depth = 0;
      var MAX_DEPTH = options3 && options3.maxDepth != null ? options3.maxDepth : 500;
      function resolveLineCol(off) {
        var line4 = 1, col = 1;
        for (var i = 0; i < off; i++) {
          if (inputText.charCodeAt(i) === 10) {
            line4++;
            col = 1;
          } else {
            col++;
          }
        }
        return { line: line4, column: col };
      }
      function genError(err, off) {
        var pos = resolveLineCol(off);
        var ex = new Error(err);
        ex.line = pos.line;
        ex.column = pos.column;
        throw ex;
      }
      function addNode(node2) {
        nodes.push(node2);
      }
      function node(type, value2, off, key) {
        var obj = { type, value: value2, offset: off };
        if (key) obj.key = key;
        return obj;
      }
      function validateDate(dateStr, off) {
        var year = dateStr.charCodeAt(0) * 1e3 + dateStr.charCodeAt(1) * 100 + dateStr.charCodeAt(2) * 10 + dateStr.charCodeAt(3) - 53328;
        var month = (dateStr.charCodeAt(5) - 48) * 10 + dateStr.charCodeAt(6) - 48;
        var day = (dateStr.charCodeAt(8) - 48) * 10 + dateStr.charCodeAt(9) - 48;
        if (month < 1 || month > 12) {
          genError("Invalid date: month " + month + " out of range.", off);
        }
        var maxDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        if (year % 4 === 0 && year % 100 !== 0 || year % 400 === 0) {
          maxDays[1] = 29;
        }
        if (day < 1 || day > maxDays[month - 1]) {
          genError("Invalid date: day " + day + " out of range for month " + month + ".", off);
        }
      }
      function validateTime(timeStr, off) {
        var hour = (timeStr.charCodeAt(0) - 48) * 10 + timeStr.charCodeAt(1) - 48;
        var minute = (timeStr.charCodeAt(3) - 48) * 10 + timeStr.charCodeAt(4) - 48;
        var second = (timeStr.charCodeAt(6) - 48) * 10 + timeStr.charCodeAt(7) - 48;
        if (hour > 23) {
          genError("Invalid time: hour " + hour + " out of range.", off);
        }
        if (minute > 59) {
          genError("Invalid time: minute " + minute + " out of range.", off);
        }
        if (second > 59) {
          genError("Invalid time: second " + second + " out of range.", off);
        }
      }
      function validateOffset(offsetStr, off) {
        if (offsetStr === "Z" || offsetStr === "z") return;
        var hour = (offsetStr.charCodeAt(1) - 48) * 10 + offsetStr.charCodeAt(2) - 48;
        var minute = (offsetStr.charCodeAt(4) - 48) * 10 + offsetStr.charCodeAt(5) - 48;
        if (hour > 23) {
          genError("Invalid offset: hour " + hour + " out of range.", off);
        }
        if (minute > 59) {
          genError("Invalid offset: minute " + minute + " out of range.", off);
        }
      }
      function stripUnderscores(str) {
        return str.indexOf("_") === -1 ? str : str.replace(/_/g, "");
      }
      function convertCodePoint(str) {
        var num = parseInt(str, 16);
        if (num !== num || num < 0 || num > 1114111 || num > 55295 && num < 57344) {
          genError("Invalid Unicode escape code: " + str, offset());
        } else {
          return String.fromCodePoint(num);
        }
      }
      peg$result = peg$startRuleFunction();
      const peg$success = peg$result !== peg$FAILED && peg$currPos === input.length;
      function peg$throw() {
        if (peg$result !== peg$FAILED && peg$currPos < input.length) {
          peg$fail(peg$endExpectation());
        }
        throw peg$buildStructuredError(
          peg$maxFailExpected,
          peg$maxFailPos < input.length ? peg$getUnicode(peg$maxFailPos) : null,
          peg$maxFailPos < input.length ? peg$computeLocation(peg$maxFailPos, peg$maxFailPos + 1) : peg$computeLocation(peg$maxFailPos, peg$maxFailPos)
        );
      }
      if (options3.peg$library) {
        return (
          /** @type {any} */
          {
            peg$result,
            peg$currPos,
            peg$FAILED,
            peg$maxFailExpected,
            peg$maxFailPos,
            peg$success,
            peg$throw: peg$success ? void 0 : peg$throw
          }
        );
      }
      if (peg$success) {
        return peg$result;
      } else {
        peg$throw();
      }
    }
    module.exports = {
      StartRules: ["start"],
      SyntaxError: peg$SyntaxError,
      parse: peg$parse
    };
  }
});

// node_modules/toml/lib/compiler.js
var require_compiler = __commonJS({
  "node_modules/toml/lib/compiler.js"(exports, module) {
    "use strict";
    function compile(nodes, inputText, options3) {
      options3 = options3 || {};
      var temporal = null;
      if (options3.useTemporal) {
        temporal = options3.temporal || (typeof Temporal !== "undefined" ? Temporal : null);
        if (!temporal) {
          throw new Error(
            "The `useTemporal` option was set, but no Temporal implementation is available. Use a runtime with global `Temporal` support, or provide an implementation (e.g. from the `@js-temporal/polyfill` package) via the `temporal` option."
          );
        }
      }
      var assignedPaths = /* @__PURE__ */ new Set();
      var valueAssignments = /* @__PURE__ */ new Set();
      var explicitTablePaths = /* @__PURE__ */ new Set();
      var currentPath = [];
      var ownedContainers = /* @__PURE__ */ new WeakSet();
      var data = createTable();
      var context = data;
      return reduce3(nodes);
      function reduce3(nodes2) {
        var node;
        for (var i = 0; i < nodes2.length; i++) {
          node = nodes2[i];
          switch (node.type) {
            case "Assign":
              assign(node);
              break;
            case "ObjectPath":
              setPath(node);
              break;
            case "ArrayPath":
              addTableArray(node);
              break;
          }
        }
        return data;
      }
      function resolveLineCol(off) {
        var line4 = 1, col = 1;
        for (var i = 0; i < off; i++) {
          if (inputText.charCodeAt(i) === 10) {
            line4++;
            col = 1;
          } else {
            col++;
          }
        }
        return { line: line4, column: col };
      }
      function genError(err, off) {
        var pos = resolveLineCol(off);
        var ex = new Error(err);
        ex.line = pos.line;
        ex.column = pos.column;
        throw ex;
      }
      function assign(node) {
        var keys = node.key;
        var value2 = node.value;
        var off = node.offset;
        if (!Array.isArray(keys)) keys = [keys];
        var reduced = reduceValueNode(value2);
        var target = context;
        for (var i = 0; i < keys.length - 1; i++) {
          var k = keys[i];
          var intermediatePath = makeFullPath(keys.slice(0, i + 1));
          if (typeof target[k] === "undefined") {
            target[k] = createTable();
            assignedPaths.add(intermediatePath);
          } else if (typeof target[k] !== "object" || target[k] === null || Array.isArray(target[k])) {
            genError("Cannot redefine existing key '" + intermediatePath + "'.", off);
          } else if (valueAssignments.has(intermediatePath)) {
            genError("Cannot redefine existing key '" + intermediatePath + "'.", off);
          } else if (explicitTablePaths.has(intermediatePath) && intermediatePath !== pathKey(currentPath)) {
            genError("Cannot use dotted keys to extend table '" + intermediatePath + "' defined elsewhere.", off);
          }
          target = target[k];
        }
        var lastKey = keys[keys.length - 1];
        var fullPath = makeFullPath(keys);
        if (typeof target[lastKey] !== "undefined") {
          genError("Cannot redefine existing key '" + fullPath + "'.", off);
        }
        target[lastKey] = reduced;
        assignedPaths.add(fullPath);
        valueAssignments.add(fullPath);
      }
      function reduceValueNode(node) {
        if (node.type === "Array") {
          return reduceArray(node.value);
        } else if (node.type === "InlineTable") {
          return reduceInlineTableNode(node.value);
        } else if (temporal) {
          switch (node.type) {
            case "Date":
              return temporal.ZonedDateTime.from(
                truncateFractionalSeconds(node.raw) + node.tz + "[" + (node.tz === "Z" ? "UTC" : node.tz) + "]"
              );
            case "LocalDateTime":
              return temporal.PlainDateTime.from(truncateFractionalSeconds(node.value));
            case "LocalDate":
              return temporal.PlainDate.from(node.value);
            case "LocalTime":
              return temporal.PlainTime.from(truncateFractionalSeconds(node.value));
          }
        }
        return node.value;
      }
      function truncateFractionalSeconds(str) {
        return str.replace(/\.(\d{9})\d+/, ".$1");
      }
      function reduceInlineTableNode(values) {
        var obj = createTable();
        var definedKeys = /* @__PURE__ */ new Set();
        for (var i = 0; i < values.length; i++) {
          var val = values[i];
          if (val.type !== "InlineTableValue") continue;
          var keys = val.key;
          if (!Array.isArray(keys)) keys = [keys];
          var reduced = reduceValueNode(val.value);
          setNestedKey(obj, keys, reduced, val.offset, definedKeys);
          definedKeys.add(pathKey(keys));
        }
        return obj;
      }
      function setNestedKey(obj, keys, value2, off, definedKeys) {
        for (var i = 0; i < keys.length - 1; i++) {
          var k = keys[i];
          var intermediatePath = pathKey(keys.slice(0, i + 1));
          if (typeof obj[k] === "undefined") {
            obj[k] = createTable();
          } else if (typeof obj[k] !== "object" || obj[k] === null || Array.isArray(obj[k])) {
            genError("Cannot redefine existing key '" + intermediatePath + "'.", off);
          } else if (definedKeys && definedKeys.has(intermediatePath)) {
            genError("Cannot extend inline table '" + intermediatePath + "'.", off);
          }
          obj = obj[k];
        }
        var lastKey = keys[keys.length - 1];
        if (typeof obj[lastKey] !== "undefined") {
          genError("Cannot redefine existing key '" + pathKey(keys) + "'.", off);
        }
        obj[lastKey] = value2;
      }
      function setPath(node) {
        var path4 = node.value;
        var quotedPath = path4.map(quoteDottedString).join(".");
        var off = node.offset;
        if (assignedPaths.has(quotedPath)) {
          genError("Cannot redefine existing key '" + path4 + "'.", off);
        }
        assignedPaths.add(quotedPath);
        explicitTablePaths.add(quotedPath);
        context = deepRef(data, path4, createTable(), off);
        currentPath = path4;
      }
      function addTableArray(node) {
        var path4 = node.value;
        var quotedPath = path4.map(quoteDottedString).join(".");
        var off = node.offset;
        if (valueAssignments.has(quotedPath)) {
          genError("Cannot append to statically defined array '" + quotedPath + "'.", off);
        }
        assignedPaths.forEach(function(p3) {
          if (isSameOrSubPath(p3, quotedPath)) assignedPaths.delete(p3);
        });
        valueAssignments.forEach(function(p3) {
          if (isSameOrSubPath(p3, quotedPath)) valueAssignments.delete(p3);
        });
        assignedPaths.add(quotedPath);
        context = deepRef(data, path4, createTableArray(), off);
        currentPath = path4;
        if (context instanceof Array) {
          var newObj = createTable();
          context.push(newObj);
          context = newObj;
        } else {
          genError("Cannot redefine existing key '" + path4 + "'.", off);
        }
      }
      function deepRef(start, keys, value2, off) {
        var ctx = start;
        for (var i = 0; i < keys.length; i++) {
          var key = keys[i];
          var traversedPath = pathKey(keys.slice(0, i + 1));
          if (typeof ctx[key] === "undefined") {
            if (i === keys.length - 1) {
              ctx[key] = value2;
            } else {
              ctx[key] = createTable();
            }
          } else if (i !== keys.length - 1 && valueAssignments.has(traversedPath)) {
            genError("Cannot redefine existing key '" + traversedPath + "'.", off);
          }
          ctx = ctx[key];
          if (i < keys.length - 1) {
            if (!isOwnedContainer(ctx)) {
              genError("Cannot redefine existing key '" + traversedPath + "'.", off);
            }
            if (ctx instanceof Array) {
              if (!ctx.length) {
                genError("Cannot redefine existing key '" + traversedPath + "'.", off);
              }
              ctx = ctx[ctx.length - 1];
              if (!isOwnedContainer(ctx)) {
                genError("Cannot redefine existing key '" + traversedPath + "'.", off);
              }
            }
          }
        }
        return ctx;
      }
      function reduceArray(array3) {
        return array3.map(reduceValueNode);
      }
      function quoteDottedString(str) {
        if (str.indexOf(".") > -1) {
          return '"' + str + '"';
        } else {
          return str;
        }
      }
      function createTable() {
        var table = /* @__PURE__ */ Object.create(null);
        ownedContainers.add(table);
        return table;
      }
      function createTableArray() {
        var tableArray = [];
        ownedContainers.add(tableArray);
        return tableArray;
      }
      function isOwnedContainer(value2) {
        return value2 !== null && typeof value2 === "object" && ownedContainers.has(value2);
      }
      function pathKey(keys) {
        return keys.map(quoteDottedString).join(".");
      }
      function makeFullPath(keys) {
        return pathKey(currentPath.concat(keys));
      }
      function isSameOrSubPath(path4, prefix) {
        return path4 === prefix || path4.indexOf(prefix + ".") === 0;
      }
    }
    module.exports = {
      compile
    };
  }
});

// node_modules/toml/index.js
var require_toml = __commonJS({
  "node_modules/toml/index.js"(exports, module) {
    "use strict";
    var parser = require_parser();
    var compiler = require_compiler();
    module.exports = {
      parse: function(input, options3) {
        var str = input.toString();
        var nodes = parser.parse(str, options3);
        return compiler.compile(nodes, str, options3);
      }
    };
  }
});

// node_modules/@effect/cli/dist/esm/Args.js
var Args_exports = {};
__export(Args_exports, {
  ArgsTypeId: () => ArgsTypeId2,
  all: () => all2,
  atLeast: () => atLeast2,
  atMost: () => atMost2,
  between: () => between2,
  boolean: () => boolean4,
  choice: () => choice3,
  date: () => date4,
  directory: () => directory2,
  file: () => file3,
  fileContent: () => fileContent2,
  fileParse: () => fileParse2,
  fileSchema: () => fileSchema2,
  fileText: () => fileText2,
  float: () => float4,
  getHelp: () => getHelp4,
  getIdentifier: () => getIdentifier2,
  getMaxSize: () => getMaxSize2,
  getMinSize: () => getMinSize2,
  getUsage: () => getUsage2,
  integer: () => integer4,
  isArgs: () => isArgs2,
  map: () => map10,
  mapEffect: () => mapEffect2,
  mapTryCatch: () => mapTryCatch2,
  none: () => none4,
  optional: () => optional3,
  path: () => path3,
  redacted: () => redacted3,
  repeated: () => repeated3,
  secret: () => secret3,
  text: () => text8,
  validate: () => validate3,
  withDefault: () => withDefault2,
  withDescription: () => withDescription2,
  withFallbackConfig: () => withFallbackConfig2,
  withSchema: () => withSchema2,
  wizard: () => wizard3
});

// node_modules/@effect/cli/dist/esm/internal/completion.js
var escapeSingleQuoted = (string5) => string5.replaceAll("'", "'\\''");

// node_modules/@effect/cli/dist/esm/internal/files.js
var Ini = __toESM(require_ini(), 1);
var Toml = __toESM(require_toml(), 1);
import * as Yaml from "yaml";
var fileParsers = {
  json: (content) => JSON.parse(content),
  yaml: (content) => Yaml.parse(content),
  yml: (content) => Yaml.parse(content),
  ini: (content) => Ini.parse(content),
  toml: (content) => Toml.parse(content),
  tml: (content) => Toml.parse(content)
};
var read = (path4) => flatMap3(FileSystem, (fs) => matchEffect(fs.readFile(path4), {
  onFailure: (error3) => fail(`Could not read file (${path4}): ${error3}`),
  onSuccess: (content) => succeed([path4, content])
}));
var readString = (path4) => flatMap3(FileSystem, (fs) => matchEffect(fs.readFileString(path4), {
  onFailure: (error3) => fail(`Could not read file (${path4}): ${error3}`),
  onSuccess: (content) => succeed([path4, content])
}));
var parse4 = (path4, content, format) => {
  const parser = fileParsers[format ?? path4.split(".").pop()];
  if (parser === void 0) {
    return fail(`Unsupported file format: ${format}`);
  }
  return try_({
    try: () => parser(content),
    catch: (e) => `Could not parse ${format} file (${path4}): ${e}`
  });
};

// node_modules/@effect/typeclass/dist/esm/internal/Iterable.js
function reduce2(b, f) {
  return function(iterable) {
    if (Array.isArray(iterable)) {
      return iterable.reduce(f, b);
    }
    let result = b;
    for (const n of iterable) {
      result = f(result, n);
    }
    return result;
  };
}
function map4(f) {
  return function(iterable) {
    if (Array.isArray(iterable)) {
      return iterable.map(f);
    }
    return (function* () {
      for (const n of iterable) {
        yield f(n);
      }
    })();
  };
}

// node_modules/@effect/typeclass/dist/esm/Product.js
var struct = (F) => (fields) => {
  const keys = Object.keys(fields);
  return F.imap(F.productAll(keys.map((k) => fields[k])), (values) => {
    const out = {};
    for (let i = 0; i < values.length; i++) {
      out[keys[i]] = values[i];
    }
    return out;
  }, (r) => keys.map((k) => r[k]));
};

// node_modules/@effect/typeclass/dist/esm/Semigroup.js
var make6 = (combine4, combineMany = (self, collection) => reduce2(self, combine4)(collection)) => ({
  combine: combine4,
  combineMany
});
var constant = (a) => make6(() => a, () => a);
var first = () => make6((a) => a, (a) => a);
var imap = /* @__PURE__ */ dual(3, (S, to, from) => make6((self, that) => to(S.combine(from(self), from(that))), (self, collection) => to(S.combineMany(from(self), map4(from)(collection)))));
var product = (self, that) => make6(([xa, xb], [ya, yb]) => [self.combine(xa, ya), that.combine(xb, yb)]);
var productAll = (collection) => {
  return make6((x, y) => {
    const len = Math.min(x.length, y.length);
    const out = [];
    let collectionLength = 0;
    for (const s of collection) {
      if (collectionLength >= len) {
        break;
      }
      out.push(s.combine(x[collectionLength], y[collectionLength]));
      collectionLength++;
    }
    return out;
  });
};
var productMany = (self, collection) => {
  const semigroup = productAll(collection);
  return make6((x, y) => [self.combine(x[0], y[0]), ...semigroup.combine(x.slice(1), y.slice(1))]);
};
var of3 = constant;
var Product = {
  of: of3,
  imap,
  product,
  productMany,
  productAll
};
var array = () => make6((self, that) => self.concat(that));
var struct2 = /* @__PURE__ */ struct(Product);

// node_modules/@effect/typeclass/dist/esm/Monoid.js
var fromSemigroup = (S, empty10) => ({
  combine: S.combine,
  combineMany: S.combineMany,
  empty: empty10,
  combineAll: (collection) => S.combineMany(empty10, collection)
});
var array2 = () => fromSemigroup(array(), []);
var struct3 = (fields) => {
  const empty10 = {};
  for (const k in fields) {
    if (Object.prototype.hasOwnProperty.call(fields, k)) {
      empty10[k] = fields[k].empty;
    }
  }
  return fromSemigroup(struct2(fields), empty10);
};

// node_modules/@effect/printer-ansi/dist/esm/internal/color.js
var black = {
  _tag: "Black"
};
var red = {
  _tag: "Red"
};
var green = {
  _tag: "Green"
};
var magenta = {
  _tag: "Magenta"
};
var cyan = {
  _tag: "Cyan"
};
var white = {
  _tag: "White"
};
var toCode = (color3) => {
  switch (color3._tag) {
    case "Black": {
      return 0;
    }
    case "Red": {
      return 1;
    }
    case "Green": {
      return 2;
    }
    case "Yellow": {
      return 3;
    }
    case "Blue": {
      return 4;
    }
    case "Magenta": {
      return 5;
    }
    case "Cyan": {
      return 6;
    }
    case "White": {
      return 7;
    }
  }
};

// node_modules/@effect/printer-ansi/dist/esm/internal/sgr.js
var reset = {
  _tag: "Reset"
};
var setBold = (bold3) => ({
  _tag: "SetBold",
  bold: bold3
});
var setColor = (color3, vivid, layer) => ({
  _tag: "SetColor",
  color: color3,
  vivid,
  layer
});
var setItalicized = (italicized3) => ({
  _tag: "SetItalicized",
  italicized: italicized3
});
var setStrikethrough = (strikethrough3) => ({
  _tag: "SetStrikethrough",
  strikethrough: strikethrough3
});
var setUnderlined = (underlined3) => ({
  _tag: "SetUnderlined",
  underlined: underlined3
});
var toCode2 = (self) => {
  switch (self._tag) {
    case "Reset": {
      return 0;
    }
    case "SetBold": {
      return self.bold ? 1 : 22;
    }
    case "SetColor": {
      switch (self.layer) {
        case "foreground": {
          return self.vivid ? 90 + toCode(self.color) : 30 + toCode(self.color);
        }
        case "background": {
          return self.vivid ? 100 + toCode(self.color) : 40 + toCode(self.color);
        }
      }
    }
    case "SetItalicized": {
      return self.italicized ? 3 : 23;
    }
    case "SetStrikethrough": {
      return self.strikethrough ? 9 : 29;
    }
    case "SetUnderlined": {
      return self.underlined ? 4 : 24;
    }
  }
};
var toEscapeSequence = (sgrs) => csi("m", sgrs);
var csi = (controlFunction, sgrs) => {
  const params = Array.from(sgrs).map((sgr) => `${toCode2(sgr)}`).join(";");
  return `\x1B[${params}${controlFunction}`;
};

// node_modules/@effect/printer-ansi/dist/esm/internal/ansi.js
var AnsiSymbolKey = "@effect/printer-ansi/Ansi";
var AnsiTypeId = /* @__PURE__ */ Symbol.for(AnsiSymbolKey);
var make7 = (params) => ({
  ...AnsiMonoid.empty,
  ...params
});
var typeIdSemigroup = /* @__PURE__ */ first();
var getFirstSomeSemigroup = /* @__PURE__ */ make6((self, that) => isSome(self) ? self : that);
var AnsiSemigroup = /* @__PURE__ */ struct2({
  [AnsiTypeId]: typeIdSemigroup,
  commands: /* @__PURE__ */ array(),
  foreground: getFirstSomeSemigroup,
  background: getFirstSomeSemigroup,
  bold: getFirstSomeSemigroup,
  italicized: getFirstSomeSemigroup,
  strikethrough: getFirstSomeSemigroup,
  underlined: getFirstSomeSemigroup
});
var typeIdMonoid = /* @__PURE__ */ fromSemigroup(typeIdSemigroup, AnsiTypeId);
var monoidOrElse = /* @__PURE__ */ fromSemigroup(getFirstSomeSemigroup, /* @__PURE__ */ none());
var AnsiMonoid = /* @__PURE__ */ struct3({
  [AnsiTypeId]: typeIdMonoid,
  commands: /* @__PURE__ */ array2(),
  foreground: monoidOrElse,
  background: monoidOrElse,
  bold: monoidOrElse,
  italicized: monoidOrElse,
  strikethrough: monoidOrElse,
  underlined: monoidOrElse
});
var none2 = AnsiMonoid.empty;
var ESC = "\x1B[";
var BEL = "\x07";
var SEP = ";";
var bold = /* @__PURE__ */ make7({
  bold: /* @__PURE__ */ some(/* @__PURE__ */ setBold(true))
});
var italicized = /* @__PURE__ */ make7({
  italicized: /* @__PURE__ */ some(/* @__PURE__ */ setItalicized(true))
});
var strikethrough = /* @__PURE__ */ make7({
  strikethrough: /* @__PURE__ */ some(/* @__PURE__ */ setStrikethrough(true))
});
var underlined = /* @__PURE__ */ make7({
  underlined: /* @__PURE__ */ some(/* @__PURE__ */ setUnderlined(true))
});
var brightColor = (color3) => make7({
  foreground: some(setColor(color3, true, "foreground"))
});
var color = (color3) => make7({
  foreground: some(setColor(color3, false, "foreground"))
});
var red2 = /* @__PURE__ */ color(red);
var green2 = /* @__PURE__ */ color(green);
var white2 = /* @__PURE__ */ color(white);
var blackBright = /* @__PURE__ */ brightColor(black);
var cyanBright = /* @__PURE__ */ brightColor(cyan);
var beep = /* @__PURE__ */ make7({
  commands: /* @__PURE__ */ of(BEL)
});
var cursorTo = (column3, row) => {
  if (row === void 0) {
    const command2 = `${ESC}${Math.max(column3 + 1, 0)}G`;
    return make7({
      commands: of(command2)
    });
  }
  const command = `${ESC}${row + 1}${SEP}${Math.max(column3 + 1, 0)}H`;
  return make7({
    commands: of(command)
  });
};
var cursorMove = (column3, row = 0) => {
  let command = "";
  if (row < 0) {
    command += `${ESC}${-row}A`;
  }
  if (row > 0) {
    command += `${ESC}${row}B`;
  }
  if (column3 > 0) {
    command += `${ESC}${column3}C`;
  }
  if (column3 < 0) {
    command += `${ESC}${-column3}D`;
  }
  return make7({
    commands: of(command)
  });
};
var cursorDown = (lines2 = 1) => {
  const command = `${ESC}${lines2}B`;
  return make7({
    commands: of(command)
  });
};
var cursorLeft = /* @__PURE__ */ make7({
  commands: /* @__PURE__ */ of(`${ESC}G`)
});
var cursorSavePosition = /* @__PURE__ */ make7({
  commands: /* @__PURE__ */ of(`${ESC}s`)
});
var cursorRestorePosition = /* @__PURE__ */ make7({
  commands: /* @__PURE__ */ of(`${ESC}u`)
});
var cursorHide = /* @__PURE__ */ make7({
  commands: /* @__PURE__ */ of(`${ESC}?25l`)
});
var cursorShow = /* @__PURE__ */ make7({
  commands: /* @__PURE__ */ of(`${ESC}?25h`)
});
var eraseLines = (rows) => {
  let command = "";
  for (let i = 0; i < rows; i++) {
    command += `${ESC}2K` + (i < rows - 1 ? `${ESC}1A` : "");
  }
  if (rows > 0) {
    command += `${ESC}G`;
  }
  return make7({
    commands: of(command)
  });
};
var eraseEndLine = /* @__PURE__ */ make7({
  commands: /* @__PURE__ */ of(`${ESC}K`)
});
var eraseStartLine = /* @__PURE__ */ make7({
  commands: /* @__PURE__ */ of(`${ESC}1K`)
});
var eraseLine = /* @__PURE__ */ make7({
  commands: /* @__PURE__ */ of(`${ESC}2K`)
});
var eraseDown = /* @__PURE__ */ make7({
  commands: /* @__PURE__ */ of(`${ESC}J`)
});
var eraseUp = /* @__PURE__ */ make7({
  commands: /* @__PURE__ */ of(`${ESC}1J`)
});
var eraseScreen = /* @__PURE__ */ make7({
  commands: /* @__PURE__ */ of(`${ESC}2J`)
});
var stringify = (self) => stringifyInternal(self);
var combine2 = /* @__PURE__ */ dual(2, (self, that) => combineInternal(self, that));
var combineInternal = (self, that) => AnsiSemigroup.combine(self, that);
var stringifyInternal = (self) => {
  const displaySequence = toEscapeSequence(getSomes([some(reset), self.foreground, self.background, self.bold, self.italicized, self.strikethrough, self.underlined]));
  const commandSequence = join(self.commands, "");
  return `${displaySequence}${commandSequence}`;
};

// node_modules/@effect/printer-ansi/dist/esm/Ansi.js
var bold2 = bold;
var italicized2 = italicized;
var strikethrough2 = strikethrough;
var underlined2 = underlined;
var color2 = color;
var red3 = red2;
var green3 = green2;
var white3 = white2;
var blackBright2 = blackBright;
var cyanBright2 = cyanBright;
var combine3 = combine2;

// node_modules/@effect/printer/dist/esm/internal/flatten.js
var FlattenSymbolKey = "@effect/printer/Flatten";
var FlattenTypeId = /* @__PURE__ */ Symbol.for(FlattenSymbolKey);
var protoHash = {
  Flattened: (self) => combine(hash(self.value))(string(FlattenSymbolKey)),
  AlreadyFlat: (_) => combine(string("@effect/printer/Flattened/AlreadyFlat"))(string(FlattenSymbolKey)),
  NeverFlat: (_) => combine(string("@effect/printer/Flattened/NeverFlat"))(string(FlattenSymbolKey))
};
var protoEqual = {
  Flattened: (self, that) => isFlatten(that) && that._tag === "Flattened" && equals(self.value, that.value),
  AlreadyFlat: (_, that) => isFlatten(that) && that._tag === "AlreadyFlat",
  NeverFlat: (_, that) => isFlatten(that) && that._tag === "NeverFlat"
};
var proto = {
  [FlattenTypeId]: {
    _A: (_) => _
  },
  [symbol]() {
    return cached(this, protoHash[this._tag](this));
  },
  [symbol2](that) {
    return protoEqual[this._tag](this, that);
  }
};
var isFlatten = (u) => typeof u === "object" && u != null && FlattenTypeId in u;
var isFlattened = (self) => self._tag === "Flattened";
var isAlreadyFlat = (self) => self._tag === "AlreadyFlat";
var isNeverFlat = (self) => self._tag === "NeverFlat";
var flattened = (value2) => (() => {
  const op = Object.create(proto);
  op._tag = "Flattened";
  op.value = value2;
  return op;
})();
var alreadyFlat = /* @__PURE__ */ (() => {
  const op = /* @__PURE__ */ Object.create(proto);
  op._tag = "AlreadyFlat";
  return op;
})();
var neverFlat = /* @__PURE__ */ (() => {
  const op = /* @__PURE__ */ Object.create(proto);
  op._tag = "NeverFlat";
  return op;
})();
var map5 = /* @__PURE__ */ dual(2, (self, f) => {
  switch (self._tag) {
    case "Flattened": {
      return flattened(f(self.value));
    }
    case "AlreadyFlat": {
      return alreadyFlat;
    }
    case "NeverFlat": {
      return neverFlat;
    }
  }
});

// node_modules/@effect/printer/dist/esm/internal/doc.js
var DocSymbolKey = "@effect/printer/Doc";
var DocTypeId = /* @__PURE__ */ Symbol.for(DocSymbolKey);
var protoHash2 = {
  Fail: (_) => combine(hash(DocSymbolKey))(hash("@effect/printer/Doc/Fail")),
  Empty: (_) => combine(hash(DocSymbolKey))(hash("@effect/printer/Doc/Empty")),
  Char: (self) => combine(hash(DocSymbolKey))(string(self.char)),
  Text: (self) => combine(hash(DocSymbolKey))(string(self.text)),
  Line: (_) => combine(hash(DocSymbolKey))(hash("@effect/printer/Doc/Line")),
  FlatAlt: (self) => combine(hash(DocSymbolKey))(combine(hash(self.left))(hash(self.right))),
  Cat: (self) => combine(hash(DocSymbolKey))(combine(hash(self.left))(hash(self.right))),
  Nest: (self) => combine(hash(DocSymbolKey))(combine(hash(self.indent))(hash(self.doc))),
  Union: (self) => combine(hash(DocSymbolKey))(combine(hash(self.left))(hash(self.right))),
  Column: (self) => combine(hash(DocSymbolKey))(hash(self.react)),
  WithPageWidth: (self) => combine(hash(DocSymbolKey))(hash(self.react)),
  Nesting: (self) => combine(hash(DocSymbolKey))(hash(self.react)),
  Annotated: (self) => combine(hash(DocSymbolKey))(combine(hash(self.annotation))(hash(self.doc)))
};
var protoEqual2 = {
  Fail: (_, that) => isDoc(that) && that._tag === "Fail",
  Empty: (_, that) => isDoc(that) && that._tag === "Empty",
  Char: (self, that) => isDoc(that) && that._tag === "Char" && self.char === that.char,
  Text: (self, that) => isDoc(that) && that._tag === "Text" && self.text === that.text,
  Line: (_, that) => isDoc(that) && that._tag === "Line",
  FlatAlt: (self, that) => isDoc(that) && that._tag === "FlatAlt" && equals(that.left)(self.left) && equals(that.right)(self.right),
  Cat: (self, that) => isDoc(that) && that._tag === "Cat" && equals(that.left)(self.left) && equals(that.right)(self.right),
  Nest: (self, that) => isDoc(that) && that._tag === "Nest" && self.indent === that.indent && equals(that.doc)(self.doc),
  Union: (self, that) => isDoc(that) && that._tag === "Union" && equals(that.left)(self.left) && equals(that.right)(self.right),
  Column: (self, that) => isDoc(that) && that._tag === "Column" && equals(that.react)(self.react),
  WithPageWidth: (self, that) => isDoc(that) && that._tag === "WithPageWidth" && equals(that.react)(self.react),
  Nesting: (self, that) => isDoc(that) && that._tag === "Nesting" && equals(that.react)(self.react),
  Annotated: (self, that) => isDoc(that) && that._tag === "Annotated" && equals(that.annotation)(self.annotation) && equals(that.doc)(self.doc)
};
var proto2 = {
  [DocTypeId]: {
    _A: (_) => _
  },
  [symbol]() {
    return cached(this, protoHash2[this._tag](this));
  },
  [symbol2](that) {
    return protoEqual2[this._tag](this, that);
  },
  pipe() {
    return pipeArguments(this, arguments);
  }
};
var isDoc = (u) => typeof u === "object" && u != null && DocTypeId in u;
var isEmpty2 = (self) => self._tag === "Empty";
var isChar = (self) => self._tag === "Char";
var isText = (self) => self._tag === "Text";
var isCat = (self) => self._tag === "Cat";
var isNest = (self) => self._tag === "Nest";
var char = (char4) => {
  const op = Object.create(proto2);
  op._tag = "Char";
  op.char = char4;
  return op;
};
var text = (text12) => {
  const op = Object.create(proto2);
  op._tag = "Text";
  op.text = text12;
  return op;
};
var flatAlt = /* @__PURE__ */ dual(2, (self, that) => {
  const op = Object.create(proto2);
  op._tag = "FlatAlt";
  op.left = self;
  op.right = that;
  return op;
});
var union = /* @__PURE__ */ dual(2, (self, that) => {
  const op = Object.create(proto2);
  op._tag = "Union";
  op.left = self;
  op.right = that;
  return op;
});
var cat = /* @__PURE__ */ dual(2, (self, that) => {
  const op = Object.create(proto2);
  op._tag = "Cat";
  op.left = self;
  op.right = that;
  return op;
});
var empty3 = /* @__PURE__ */ (() => {
  const op = /* @__PURE__ */ Object.create(proto2);
  op._tag = "Empty";
  return op;
})();
var fail2 = /* @__PURE__ */ (() => {
  const op = /* @__PURE__ */ Object.create(proto2);
  op._tag = "Fail";
  return op;
})();
var hardLine = /* @__PURE__ */ (() => {
  const op = /* @__PURE__ */ Object.create(proto2);
  op._tag = "Line";
  return op;
})();
var line = /* @__PURE__ */ flatAlt(hardLine, /* @__PURE__ */ char(" "));
var lineBreak = /* @__PURE__ */ flatAlt(hardLine, empty3);
var space = /* @__PURE__ */ char(" ");
var cats = (docs) => group(vcat(docs));
var catWithLine = /* @__PURE__ */ dual(2, (self, that) => cat(self, cat(line, that)));
var catWithLineBreak = /* @__PURE__ */ dual(2, (self, that) => cat(self, cat(lineBreak, that)));
var catWithSpace = /* @__PURE__ */ dual(2, (self, that) => cat(self, cat(space, that)));
var concatWith = /* @__PURE__ */ dual(2, (docs, f) => matchRight(fromIterable(docs), {
  onEmpty: () => empty3,
  onNonEmpty: (init, last) => reduceRight(init, last, (curr, acc) => f(acc, curr))
}));
var vcat = (docs) => concatWith(docs, (left2, right2) => catWithLineBreak(left2, right2));
var hsep = (docs) => concatWith(docs, (left2, right2) => catWithSpace(left2, right2));
var vsep = (docs) => concatWith(docs, (left2, right2) => catWithLine(left2, right2));
var group = (self) => {
  switch (self._tag) {
    case "FlatAlt": {
      const flattened2 = changesUponFlattening(self.right);
      switch (flattened2._tag) {
        case "Flattened": {
          return union(flattened2.value, self.left);
        }
        case "AlreadyFlat": {
          return union(self.right, self.left);
        }
        case "NeverFlat": {
          return self.left;
        }
      }
    }
    case "Union": {
      return self;
    }
    default: {
      const flattened2 = changesUponFlattening(self);
      return isFlattened(flattened2) ? union(flattened2.value, self) : self;
    }
  }
};
var column = (react) => {
  const op = Object.create(proto2);
  op._tag = "Column";
  op.react = react;
  return op;
};
var nesting = (react) => {
  const op = Object.create(proto2);
  op._tag = "Nesting";
  op.react = react;
  return op;
};
var pageWidth = (react) => {
  const op = Object.create(proto2);
  op._tag = "WithPageWidth";
  op.react = react;
  return op;
};
var nest = /* @__PURE__ */ dual(2, (self, indent3) => indent3 === 0 ? self : (() => {
  const op = Object.create(proto2);
  op._tag = "Nest";
  op.indent = indent3;
  op.doc = self;
  return op;
})());
var align = (self) => column((position) => nesting((level) => nest(self, position - level)));
var hang = /* @__PURE__ */ dual(2, (self, indent3) => align(nest(self, indent3)));
var indent = /* @__PURE__ */ dual(2, (self, indent3) => hang(cat(spaces(indent3), self), indent3));
var flatten2 = (self) => runSync(flattenSafe(self));
var flattenSafe = (self) => gen(function* () {
  switch (self._tag) {
    case "Fail": {
      return self;
    }
    case "Empty": {
      return self;
    }
    case "Char": {
      return self;
    }
    case "Text": {
      return self;
    }
    case "Line": {
      return fail2;
    }
    case "FlatAlt": {
      return yield* flattenSafe(self.right);
    }
    case "Cat": {
      const left2 = yield* flattenSafe(self.left);
      const right2 = yield* flattenSafe(self.right);
      return cat(left2, right2);
    }
    case "Nest": {
      const doc = yield* flattenSafe(self.doc);
      return nest(doc, self.indent);
    }
    case "Union": {
      return yield* flattenSafe(self.left);
    }
    case "Column": {
      return column((position) => flatten2(self.react(position)));
    }
    case "WithPageWidth": {
      return pageWidth((pageWidth3) => flatten2(self.react(pageWidth3)));
    }
    case "Nesting": {
      return nesting((level) => flatten2(self.react(level)));
    }
    case "Annotated": {
      const doc = yield* flattenSafe(self.doc);
      return annotate(doc, self.annotation);
    }
  }
});
var changesUponFlattening = (self) => runSync(changesUponFlatteningSafe(self));
var changesUponFlatteningSafe = (self) => gen(function* () {
  switch (self._tag) {
    case "Fail":
    case "Line": {
      return neverFlat;
    }
    case "Empty":
    case "Char":
    case "Text": {
      return alreadyFlat;
    }
    case "FlatAlt": {
      const doc = yield* flattenSafe(self.right);
      return flattened(doc);
    }
    case "Cat": {
      const left2 = yield* changesUponFlatteningSafe(self.left);
      const right2 = yield* changesUponFlatteningSafe(self.right);
      if (isNeverFlat(left2) || isNeverFlat(right2)) {
        return neverFlat;
      }
      if (isFlattened(left2) && isFlattened(right2)) {
        return flattened(cat(left2.value, right2.value));
      }
      if (isFlattened(left2) && isAlreadyFlat(right2)) {
        return flattened(cat(left2.value, self.right));
      }
      if (isAlreadyFlat(left2) && isFlattened(right2)) {
        return flattened(cat(self.left, right2.value));
      }
      if (isAlreadyFlat(left2) && isAlreadyFlat(right2)) {
        return alreadyFlat;
      }
      throw new Error("[BUG]: Doc.changesUponFlattening - unable to flatten a Cat document - please open an issue at https://github.com/IMax153/contentlayer/issues/new");
    }
    case "Nest": {
      return yield* pipe(changesUponFlatteningSafe(self.doc), map3(map5((doc) => nest(doc, self.indent))));
    }
    case "Union": {
      return flattened(self.left);
    }
    case "Column": {
      const doc = column((position) => runSync(flattenSafe(self.react(position))));
      return flattened(doc);
    }
    case "WithPageWidth": {
      const doc = pageWidth((pageWidth3) => runSync(flattenSafe(self.react(pageWidth3))));
      return flattened(doc);
    }
    case "Nesting": {
      const doc = nesting((level) => runSync(flattenSafe(self.react(level))));
      return flattened(doc);
    }
    case "Annotated": {
      return yield* pipe(changesUponFlatteningSafe(self.doc), map3(map5((doc) => annotate(doc, self.annotation))));
    }
  }
});
var annotate = /* @__PURE__ */ dual(2, (self, annotation) => {
  const op = Object.create(proto2);
  op._tag = "Annotated";
  op.doc = self;
  op.annotation = annotation;
  return op;
});
var spaces = (n) => {
  if (n <= 0) {
    return empty3;
  }
  if (n === 1) {
    return char(" ");
  }
  return text(textSpaces(n));
};
var textSpaces = (n) => {
  let s = "";
  for (let i = 0; i < n; i++) {
    s = s += " ";
  }
  return s;
};

// node_modules/@effect/printer/dist/esm/internal/docStream.js
var DocStreamSymbolKey = "@effect/printer/DocStream";
var DocStreamTypeId = /* @__PURE__ */ Symbol.for(DocStreamSymbolKey);
var protoHash3 = {
  FailedStream: (_) => pipe(string("@effect/printer/DocStream/FailedStream"), combine(string(DocStreamSymbolKey))),
  EmptyStream: (_) => pipe(string("@effect/printer/DocStream/EmptyStream"), combine(string(DocStreamSymbolKey))),
  CharStream: (self) => pipe(hash("@effect/printer/DocStream/CharStream"), combine(string(DocStreamSymbolKey)), combine(string(self.char)), combine(hash(self.stream))),
  TextStream: (self) => pipe(string("@effect/printer/DocStream/TextStream"), combine(string(DocStreamSymbolKey)), combine(string(self.text)), combine(hash(self.stream))),
  LineStream: (self) => pipe(string("@effect/printer/DocStream/LineStream"), combine(string(DocStreamSymbolKey)), combine(hash(self.stream))),
  PushAnnotationStream: (self) => pipe(string("@effect/printer/DocStream/PopAnnotationStream"), combine(string(DocStreamSymbolKey)), combine(hash(self.annotation)), combine(hash(self.stream))),
  PopAnnotationStream: (self) => pipe(string("@effect/printer/DocStream/PopAnnotationStream"), combine(string(DocStreamSymbolKey)), combine(hash(self.stream)))
};
var protoEqual3 = {
  FailedStream: (self, that) => isDocStream(that) && that._tag === "FailedStream",
  EmptyStream: (self, that) => isDocStream(that) && that._tag === "EmptyStream",
  CharStream: (self, that) => isDocStream(that) && that._tag === "CharStream" && self.char === that.char && equals(self.stream, that.stream),
  TextStream: (self, that) => isDocStream(that) && that._tag === "TextStream" && self.text === that.text && equals(self.stream, that.stream),
  LineStream: (self, that) => isDocStream(that) && that._tag === "LineStream" && equals(self.stream, that.stream),
  PushAnnotationStream: (self, that) => isDocStream(that) && that._tag === "PushAnnotationStream" && equals(self.annotation, that.annotation) && equals(self.stream, that.stream),
  PopAnnotationStream: (self, that) => isDocStream(that) && that._tag === "PopAnnotationStream" && equals(self.stream, that.stream)
};
var proto3 = {
  [DocStreamTypeId]: {
    _A: (_) => _
  },
  [symbol]() {
    return cached(this, protoHash3[this._tag](this));
  },
  [symbol2](that) {
    return protoEqual3[this._tag](this, that);
  }
};
var isDocStream = (u) => typeof u === "object" && u != null && DocStreamTypeId in u;
var isEmptyStream = (self) => self._tag === "EmptyStream";
var isLineStream = (self) => self._tag === "LineStream";
var failed = /* @__PURE__ */ (() => {
  const op = /* @__PURE__ */ Object.create(proto3);
  op._tag = "FailedStream";
  return op;
})();
var empty4 = /* @__PURE__ */ (() => {
  const op = /* @__PURE__ */ Object.create(proto3);
  op._tag = "EmptyStream";
  return op;
})();
var char2 = /* @__PURE__ */ dual(2, (self, char4) => {
  const op = Object.create(proto3);
  op._tag = "CharStream";
  op.char = char4;
  op.stream = self;
  return op;
});
var text2 = /* @__PURE__ */ dual(2, (self, text12) => {
  const op = Object.create(proto3);
  op._tag = "TextStream";
  op.text = text12;
  op.stream = self;
  return op;
});
var line2 = /* @__PURE__ */ dual(2, (self, indentation) => {
  const op = Object.create(proto3);
  op._tag = "LineStream";
  op.indentation = indentation;
  op.stream = self;
  return op;
});
var pushAnnotation = /* @__PURE__ */ dual(2, (self, annotation) => {
  const op = Object.create(proto3);
  op._tag = "PushAnnotationStream";
  op.annotation = annotation;
  op.stream = self;
  return op;
});
var popAnnotation = (stream) => {
  const op = Object.create(proto3);
  op._tag = "PopAnnotationStream";
  op.stream = stream;
  return op;
};

// node_modules/@effect/printer/dist/esm/internal/layoutPipeline.js
var nil = {
  _tag: "Nil"
};
var cons2 = (indent3, document, pipeline) => ({
  _tag: "Cons",
  indent: indent3,
  document,
  pipeline
});
var undoAnnotation = (pipeline) => ({
  _tag: "UndoAnnotation",
  pipeline
});

// node_modules/@effect/printer/dist/esm/internal/pageWidth.js
var PageWidthSymbolKey = "@effect/printer/PageWidth";
var PageWidthTypeId = /* @__PURE__ */ Symbol.for(PageWidthSymbolKey);
var protoHash4 = {
  AvailablePerLine: (self) => pipe(hash("@effect/printer/PageWidth/AvailablePerLine"), combine(hash(PageWidthSymbolKey)), combine(hash(self.lineWidth)), combine(hash(self.ribbonFraction))),
  Unbounded: (_) => pipe(hash("@effect/printer/PageWidth/Unbounded"), combine(hash(PageWidthSymbolKey)))
};
var protoEqual4 = {
  AvailablePerLine: (self, that) => isPageWidth(that) && that._tag === "AvailablePerLine" && self.lineWidth === that.lineWidth && self.ribbonFraction === that.ribbonFraction,
  Unbounded: (self, that) => isPageWidth(that) && that._tag === "Unbounded"
};
var proto4 = {
  [PageWidthTypeId]: PageWidthTypeId,
  [symbol]() {
    return cached(this, protoHash4[this._tag](this));
  },
  [symbol2](that) {
    return protoEqual4[this._tag](this, that);
  }
};
var isPageWidth = (u) => typeof u === "object" && u != null && PageWidthTypeId in u;
var availablePerLine = (lineWidth, ribbonFraction) => {
  const op = Object.create(proto4);
  op._tag = "AvailablePerLine";
  op.lineWidth = lineWidth;
  op.ribbonFraction = ribbonFraction;
  return op;
};
var unbounded = /* @__PURE__ */ (() => {
  const op = /* @__PURE__ */ Object.create(proto4);
  op._tag = "Unbounded";
  return op;
})();
var defaultPageWidth = /* @__PURE__ */ availablePerLine(80, 1);
var remainingWidth = (pageWidth3, ribbonFraction, indentation, currentColumn) => {
  const columnsLeftInLine = pageWidth3 - currentColumn;
  const ribbonWidth = Math.max(0, Math.min(pageWidth3, Math.floor(pageWidth3 * ribbonFraction)));
  const columnsLeftInRibbon = indentation + ribbonWidth - currentColumn;
  return Math.min(columnsLeftInLine, columnsLeftInRibbon);
};

// node_modules/@effect/printer/dist/esm/internal/layout.js
var options = (pageWidth3) => ({
  pageWidth: pageWidth3
});
var wadlerLeijen = /* @__PURE__ */ dual(3, (self, fits, options3) => runSync(wadlerLeijenSafe(cons2(0, self, nil), 0, 0, fits, options3)));
var wadlerLeijenSafe = (self, nestingLevel, currentColumn, fits, options3) => {
  const best = (self2, nl, cc) => gen(function* () {
    switch (self2._tag) {
      case "Nil": {
        return empty4;
      }
      case "Cons": {
        switch (self2.document._tag) {
          case "Fail": {
            return failed;
          }
          case "Empty": {
            return yield* best(self2.pipeline, nl, cc);
          }
          case "Char": {
            const stream = yield* best(self2.pipeline, nl, cc + 1);
            return char2(stream, self2.document.char);
          }
          case "Text": {
            const length = self2.document.text.length;
            const stream = yield* best(self2.pipeline, nl, cc + length);
            return text2(stream, self2.document.text);
          }
          case "Line": {
            const stream = yield* best(self2.pipeline, self2.indent, self2.indent);
            const nextIndent = isEmptyStream(stream) || isLineStream(stream) ? 0 : self2.indent;
            return line2(stream, nextIndent);
          }
          case "FlatAlt": {
            const next = cons2(self2.indent, self2.document.left, self2.pipeline);
            return yield* best(next, nl, cc);
          }
          case "Cat": {
            const inner = cons2(self2.indent, self2.document.right, self2.pipeline);
            const outer = cons2(self2.indent, self2.document.left, inner);
            return yield* best(outer, nl, cc);
          }
          case "Nest": {
            const indent3 = self2.indent + self2.document.indent;
            const next = cons2(indent3, self2.document.doc, self2.pipeline);
            return yield* best(next, nl, cc);
          }
          case "Union": {
            const leftPipeline = cons2(self2.indent, self2.document.left, self2.pipeline);
            const rightPipeline = cons2(self2.indent, self2.document.right, self2.pipeline);
            const left2 = best(leftPipeline, nl, cc);
            const right2 = best(rightPipeline, nl, cc);
            return selectNicer(fits, nl, cc, left2, right2);
          }
          case "Column": {
            const doc = self2.document.react(cc);
            const next = cons2(self2.indent, doc, self2.pipeline);
            return yield* best(next, nl, cc);
          }
          case "WithPageWidth": {
            const doc = self2.document.react(options3.pageWidth);
            const next = cons2(self2.indent, doc, self2.pipeline);
            return yield* best(next, nl, cc);
          }
          case "Nesting": {
            const doc = self2.document.react(self2.indent);
            const next = cons2(self2.indent, doc, self2.pipeline);
            return yield* best(next, nl, cc);
          }
          case "Annotated": {
            const undo = undoAnnotation(self2.pipeline);
            const next = cons2(self2.indent, self2.document.doc, undo);
            const stream = yield* best(next, nl, cc);
            return pushAnnotation(stream, self2.document.annotation);
          }
        }
      }
      case "UndoAnnotation": {
        const stream = yield* best(self2.pipeline, nestingLevel, currentColumn);
        return popAnnotation(stream);
      }
    }
  });
  return best(self, nestingLevel, currentColumn);
};
var selectNicer = (fits, lineIndent, currentColumn, left2, right2) => {
  const leftStream = runSync(left2);
  let rightStream = void 0;
  return fits(leftStream, lineIndent, currentColumn, () => rightStream ?? (rightStream = runSync(right2), rightStream)) ? leftStream : rightStream ?? runSync(right2);
};
var compact = (self) => runSync(compactSafe(of2(self), 0));
var compactSafe = (docs, i) => gen(function* () {
  if (isNil(docs)) {
    return empty4;
  }
  const head2 = docs.head;
  const tail = docs.tail;
  switch (head2._tag) {
    case "Fail": {
      return failed;
    }
    case "Empty": {
      return yield* compactSafe(tail, i);
    }
    case "Char": {
      const stream = yield* compactSafe(tail, i + 1);
      return char2(stream, head2.char);
    }
    case "Text": {
      const stream = yield* compactSafe(tail, i + head2.text.length);
      return text2(stream, head2.text);
    }
    case "Line": {
      const stream = yield* compactSafe(tail, 0);
      return line2(stream, 0);
    }
    case "FlatAlt": {
      return yield* compactSafe(cons(head2.left, tail), i);
    }
    case "Cat": {
      const list4 = cons(head2.left, cons(head2.right, tail));
      return yield* compactSafe(list4, i);
    }
    case "Nest": {
      return yield* compactSafe(cons(head2.doc, tail), i);
    }
    case "Union": {
      return yield* compactSafe(cons(head2.right, tail), i);
    }
    case "Column": {
      return yield* compactSafe(cons(head2.react(i), tail), i);
    }
    case "WithPageWidth": {
      return yield* compactSafe(cons(head2.react(unbounded), tail), i);
    }
    case "Nesting": {
      return yield* compactSafe(cons(head2.react(0), tail), i);
    }
    case "Annotated": {
      return yield* compactSafe(cons(head2.doc, tail), i);
    }
  }
});
var pretty = /* @__PURE__ */ dual(2, (self, options3) => {
  const width3 = options3.pageWidth;
  if (width3._tag === "AvailablePerLine") {
    return wadlerLeijen(self, (stream, indentation, currentColumn) => {
      const remainingWidth2 = remainingWidth(width3.lineWidth, width3.ribbonFraction, indentation, currentColumn);
      return fitsPretty(stream, remainingWidth2);
    }, options3);
  }
  return unbounded2(self);
});
var fitsPretty = (self, width3) => {
  let w = width3;
  let stream = self;
  while (w >= 0) {
    switch (stream._tag) {
      case "FailedStream": {
        return false;
      }
      case "EmptyStream": {
        return true;
      }
      case "CharStream": {
        w = w - 1;
        stream = stream.stream;
        break;
      }
      case "TextStream": {
        w = w - stream.text.length;
        stream = stream.stream;
        break;
      }
      case "LineStream": {
        return true;
      }
      case "PushAnnotationStream": {
        stream = stream.stream;
        break;
      }
      case "PopAnnotationStream": {
        stream = stream.stream;
        break;
      }
    }
  }
  return false;
};
var smart = /* @__PURE__ */ dual(2, (self, options3) => {
  const width3 = options3.pageWidth;
  if (width3._tag === "AvailablePerLine") {
    return wadlerLeijen(self, fitsSmart(width3.lineWidth, width3.ribbonFraction), options3);
  }
  return unbounded2(self);
});
var fitsSmart = (pageWidth3, ribbonFraction) => {
  return (stream, indentation, currentColumn, comparator) => {
    const availableWidth = remainingWidth(pageWidth3, ribbonFraction, indentation, currentColumn);
    return fitsSmartLoop(stream, comparator, pageWidth3, currentColumn, availableWidth);
  };
};
var fitsSmartLoop = (self, comparator, pageWidth3, currentColumn, availableWidth) => {
  let minNestingLevel;
  let stream = self;
  let w = availableWidth;
  while (w >= 0) {
    switch (stream._tag) {
      case "FailedStream": {
        return false;
      }
      case "EmptyStream": {
        return true;
      }
      case "CharStream": {
        w = w - 1;
        stream = stream.stream;
        break;
      }
      case "TextStream": {
        w = w - stream.text.length;
        stream = stream.stream;
        break;
      }
      case "LineStream": {
        if (!minNestingLevel) {
          minNestingLevel = match(getInitialIndentation(comparator()), {
            // Definitely not a hanging layout. Return the same `minNestingLevel` that
            // subsequent lines with the same indentation use
            onNone: () => currentColumn,
            // Could be a (less wide) hanging layout, so take the minimum of the indent
            // and the current column
            onSome: (value2) => Math.min(value2, currentColumn)
          });
        }
        if (minNestingLevel < stream.indentation) {
          return false;
        }
        w = pageWidth3 - stream.indentation;
        stream = stream.stream;
        break;
      }
      case "PushAnnotationStream": {
        stream = stream.stream;
        break;
      }
      case "PopAnnotationStream": {
        stream = stream.stream;
        break;
      }
    }
  }
  return false;
};
var getInitialIndentation = (self) => {
  let stream = self;
  while (stream._tag === "LineStream" || stream._tag === "PushAnnotationStream" || stream._tag === "PopAnnotationStream") {
    if (stream._tag === "LineStream") {
      return some(stream.indentation);
    }
    stream = stream.stream;
  }
  return none();
};
var unbounded2 = (self) => wadlerLeijen(self, (stream) => !failsOnFirstLine(stream), {
  pageWidth: unbounded
});
var failsOnFirstLine = (self) => {
  let stream = self;
  while (1) {
    switch (stream._tag) {
      case "FailedStream": {
        return true;
      }
      case "EmptyStream": {
        return false;
      }
      case "CharStream": {
        stream = stream.stream;
        break;
      }
      case "TextStream": {
        stream = stream.stream;
        break;
      }
      case "LineStream": {
        return false;
      }
      case "PushAnnotationStream": {
        stream = stream.stream;
        break;
      }
      case "PopAnnotationStream": {
        stream = stream.stream;
        break;
      }
    }
  }
  throw new Error("bug");
};

// node_modules/@effect/printer/dist/esm/Doc.js
var char3 = char;
var text3 = text;
var empty5 = empty3;
var hardLine2 = hardLine;
var space2 = space;
var cat2 = cat;
var cats2 = cats;
var hsep2 = hsep;
var vsep2 = vsep;
var nest2 = nest;
var align2 = align;
var indent2 = indent;
var annotate2 = annotate;

// node_modules/@effect/printer-ansi/dist/esm/internal/ansiDoc.js
var beep2 = /* @__PURE__ */ annotate2(empty5, beep);
var cursorTo2 = (column3, row) => annotate2(empty5, cursorTo(column3, row));
var cursorMove2 = (column3, row) => annotate2(empty5, cursorMove(column3, row));
var cursorDown2 = (lines2 = 1) => annotate2(empty5, cursorDown(lines2));
var cursorLeft2 = /* @__PURE__ */ annotate2(empty5, cursorLeft);
var cursorSavePosition2 = /* @__PURE__ */ annotate2(empty5, cursorSavePosition);
var cursorRestorePosition2 = /* @__PURE__ */ annotate2(empty5, cursorRestorePosition);
var cursorHide2 = /* @__PURE__ */ annotate2(empty5, cursorHide);
var cursorShow2 = /* @__PURE__ */ annotate2(empty5, cursorShow);
var eraseLines2 = (rows) => annotate2(empty5, eraseLines(rows));
var eraseLine2 = /* @__PURE__ */ annotate2(empty5, eraseLine);

// node_modules/@effect/printer/dist/esm/PageWidth.js
var defaultPageWidth2 = defaultPageWidth;

// node_modules/@effect/printer/dist/esm/Layout.js
var options2 = options;
var compact2 = compact;
var pretty2 = pretty;
var smart2 = smart;

// node_modules/@effect/printer-ansi/dist/esm/internal/ansiRender.js
var render = /* @__PURE__ */ dual(2, (self, config2) => {
  switch (config2.style) {
    case "compact": {
      return renderStream(compact2(self));
    }
    case "pretty": {
      const width3 = Object.assign({}, defaultPageWidth2, config2.options);
      return renderStream(pretty2(self, options2(width3)));
    }
    case "smart": {
      const width3 = Object.assign({}, defaultPageWidth2, config2.options);
      return renderStream(smart2(self, options2(width3)));
    }
  }
});
var renderStream = (self) => runSync(renderSafe(self, of2(none2)));
var unsafePeek = (stack) => {
  if (isNil(stack)) {
    throw new Error("BUG: AnsiRender.unsafePeek - peeked at an empty stack - please report an issue at https://github.com/Effect-TS/printer/issues");
  }
  return stack.head;
};
var unsafePop = (stack) => {
  if (isNil(stack)) {
    throw new Error("BUG: AnsiRender.unsafePop - popped from an empty stack - please report an issue at https://github.com/Effect-TS/printer/issues");
  }
  return [stack.head, stack.tail];
};
var renderSafe = (self, stack) => {
  switch (self._tag) {
    case "FailedStream": {
      return dieMessage("BUG: AnsiRender.renderSafe - attempted to render a failed doc stream - please report an issue at https://github.com/Effect-TS/printer/issues");
    }
    case "EmptyStream": {
      return succeed("");
    }
    case "CharStream": {
      return map3(suspend(() => renderSafe(self.stream, stack)), (rest) => self.char + rest);
    }
    case "TextStream": {
      return map3(suspend(() => renderSafe(self.stream, stack)), (rest) => self.text + rest);
    }
    case "LineStream": {
      let indent3 = "\n";
      for (let i = 0; i < self.indentation; i++) {
        indent3 = indent3 += " ";
      }
      return map3(suspend(() => renderSafe(self.stream, stack)), (rest) => indent3 + rest);
    }
    case "PushAnnotationStream": {
      const currentStyle = unsafePeek(stack);
      const nextStyle = combine2(self.annotation, currentStyle);
      return map3(suspend(() => renderSafe(self.stream, cons(self.annotation, stack))), (rest) => stringify(nextStyle) + rest);
    }
    case "PopAnnotationStream": {
      const [, styles] = unsafePop(stack);
      const nextStyle = unsafePeek(styles);
      return map3(suspend(() => renderSafe(self.stream, styles)), (rest) => stringify(nextStyle) + rest);
    }
  }
};

// node_modules/@effect/printer-ansi/dist/esm/AnsiDoc.js
var beep3 = beep2;
var cursorTo3 = cursorTo2;
var cursorMove3 = cursorMove2;
var cursorDown3 = cursorDown2;
var cursorLeft3 = cursorLeft2;
var cursorSavePosition3 = cursorSavePosition2;
var cursorRestorePosition3 = cursorRestorePosition2;
var cursorHide3 = cursorHide2;
var cursorShow3 = cursorShow2;
var eraseLines3 = eraseLines2;
var eraseLine3 = eraseLine2;
var render2 = render;

// node_modules/@effect/printer/dist/esm/internal/optimize.js
var optimize = /* @__PURE__ */ dual(2, (self, depth) => runSync(optimizeSafe(self, depth)));
var optimizeSafe = (self, depth) => {
  const optimize3 = (self2) => gen(function* () {
    switch (self2._tag) {
      case "Fail":
      case "Empty":
      case "Char":
      case "Text":
      case "Line": {
        return self2;
      }
      case "FlatAlt": {
        const left2 = yield* optimize3(self2.left);
        const right2 = yield* optimize3(self2.right);
        return flatAlt(left2, right2);
      }
      case "Cat": {
        if (isEmpty2(self2.left)) {
          return yield* optimize3(self2.right);
        }
        if (isEmpty2(self2.right)) {
          return yield* optimize3(self2.left);
        }
        if (isChar(self2.left) && isChar(self2.right)) {
          return text(self2.left.char + self2.right.char);
        }
        if (isText(self2.left) && isChar(self2.right)) {
          return text(self2.left.text + self2.right.char);
        }
        if (isChar(self2.left) && isText(self2.right)) {
          return text(self2.left.char + self2.right.text);
        }
        if (isText(self2.left) && isText(self2.right)) {
          return text(self2.left.text + self2.right.text);
        }
        if (isChar(self2.left) && isCat(self2.right) && isChar(self2.right.left) || isChar(self2.left) && isCat(self2.right) && isText(self2.right.left) || isText(self2.left) && isCat(self2.right) && isChar(self2.right.left) || isText(self2.left) && isCat(self2.right) && isText(self2.right.left)) {
          const inner = yield* optimize3(cat(self2.left, self2.right.left));
          return yield* optimize3(cat(inner, self2.right.right));
        }
        if (isCat(self2.left) && isChar(self2.left.right) || isCat(self2.left) && isText(self2.left.right)) {
          const inner = yield* optimize3(cat(self2.left.right, self2.right));
          return yield* optimize3(cat(self2.left.left, inner));
        }
        const left2 = yield* optimize3(self2.left);
        const right2 = yield* optimize3(self2.right);
        return cat(left2, right2);
      }
      case "Nest": {
        if (self2.indent === 0) {
          return yield* optimize3(self2.doc);
        }
        if (isEmpty2(self2.doc) || isChar(self2.doc) || isText(self2.doc)) {
          return self2.doc;
        }
        if (isNest(self2.doc)) {
          const indent3 = self2.indent + self2.doc.indent;
          return yield* optimize3(nest(self2.doc.doc, indent3));
        }
        return nest(yield* optimize3(self2.doc), self2.indent);
      }
      case "Union": {
        const left2 = yield* optimize3(self2.left);
        const right2 = yield* optimize3(self2.right);
        return union(left2, right2);
      }
      case "Column": {
        return depth._tag === "Shallow" ? self2 : column((position) => runSync(optimizeSafe(self2.react(position), depth)));
      }
      case "WithPageWidth": {
        return depth._tag === "Shallow" ? self2 : pageWidth((pageWidth3) => runSync(optimizeSafe(self2.react(pageWidth3), depth)));
      }
      case "Nesting": {
        return depth._tag === "Shallow" ? self2 : nesting((level) => runSync(optimizeSafe(self2.react(level), depth)));
      }
      case "Annotated": {
        return annotate(yield* optimize3(self2.doc), self2.annotation);
      }
    }
  });
  return optimize3(self);
};

// node_modules/@effect/printer/dist/esm/Optimize.js
var Deep = {
  _tag: "Deep"
};
var optimize2 = optimize;

// node_modules/@effect/printer-ansi/dist/esm/Color.js
var red4 = red;
var magenta3 = magenta;
var cyan3 = cyan;
var white4 = white;

// node_modules/@effect/cli/dist/esm/internal/helpDoc/span.js
var text4 = (value2) => ({
  _tag: "Text",
  value: value2
});
var empty6 = /* @__PURE__ */ text4("");
var space3 = /* @__PURE__ */ text4(" ");
var code = (value2) => highlight(value2, white4);
var error2 = (value2) => highlight(value2, red4);
var highlight = (value2, color3) => ({
  _tag: "Highlight",
  value: typeof value2 === "string" ? text4(value2) : value2,
  color: color3
});
var strong = (value2) => ({
  _tag: "Strong",
  value: typeof value2 === "string" ? text4(value2) : value2
});
var weak = (value2) => ({
  _tag: "Weak",
  value: typeof value2 === "string" ? text4(value2) : value2
});
var isText3 = (self) => self._tag === "Text";
var concat = /* @__PURE__ */ dual(2, (self, that) => ({
  _tag: "Sequence",
  left: self,
  right: that
}));
var getText = (self) => {
  switch (self._tag) {
    case "Text":
    case "URI": {
      return self.value;
    }
    case "Highlight":
    case "Weak":
    case "Strong": {
      return getText(self.value);
    }
    case "Sequence": {
      return getText(self.left) + getText(self.right);
    }
  }
};
var spans = (spans2) => {
  const elements = fromIterable(spans2);
  if (isNonEmptyReadonlyArray(elements)) {
    return elements.slice(1).reduce(concat, elements[0]);
  }
  return empty6;
};
var isEmpty4 = (self) => size(self) === 0;
var size = (self) => {
  switch (self._tag) {
    case "Text":
    case "URI": {
      return self.value.length;
    }
    case "Highlight":
    case "Strong":
    case "Weak": {
      return size(self.value);
    }
    case "Sequence": {
      return size(self.left) + size(self.right);
    }
  }
};
var toAnsiDoc = (self) => {
  switch (self._tag) {
    case "Highlight": {
      return annotate2(toAnsiDoc(self.value), color2(self.color));
    }
    case "Sequence": {
      return cat2(toAnsiDoc(self.left), toAnsiDoc(self.right));
    }
    case "Strong": {
      return annotate2(toAnsiDoc(self.value), bold2);
    }
    case "Text": {
      return text3(self.value);
    }
    case "URI": {
      return annotate2(text3(self.value), underlined2);
    }
    case "Weak": {
      return annotate2(toAnsiDoc(self.value), blackBright2);
    }
  }
};

// node_modules/@effect/cli/dist/esm/internal/helpDoc.js
var isEmpty5 = (helpDoc) => helpDoc._tag === "Empty";
var isHeader = (helpDoc) => helpDoc._tag === "Header";
var isParagraph = (helpDoc) => helpDoc._tag === "Paragraph";
var isDescriptionList = (helpDoc) => helpDoc._tag === "DescriptionList";
var isEnumeration = (helpDoc) => helpDoc._tag === "Enumeration";
var isSequence = (helpDoc) => helpDoc._tag === "Sequence";
var empty7 = {
  _tag: "Empty"
};
var sequence = /* @__PURE__ */ dual(2, (self, that) => {
  if (isEmpty5(self)) {
    return that;
  }
  if (isEmpty5(that)) {
    return self;
  }
  return {
    _tag: "Sequence",
    left: self,
    right: that
  };
});
var orElse4 = /* @__PURE__ */ dual(2, (self, that) => isEmpty5(self) ? that : self);
var blocks = (helpDocs) => {
  const elements = fromIterable(helpDocs);
  if (isNonEmptyReadonlyArray(elements)) {
    return elements.slice(1).reduce(sequence, elements[0]);
  }
  return empty7;
};
var getSpan = (self) => isHeader(self) || isParagraph(self) ? self.value : empty6;
var descriptionList = (definitions) => ({
  _tag: "DescriptionList",
  definitions
});
var enumeration = (elements) => ({
  _tag: "Enumeration",
  elements
});
var h1 = (value2) => ({
  _tag: "Header",
  value: typeof value2 === "string" ? text4(value2) : value2,
  level: 1
});
var h2 = (value2) => ({
  _tag: "Header",
  value: typeof value2 === "string" ? text4(value2) : value2,
  level: 2
});
var h3 = (value2) => ({
  _tag: "Header",
  value: typeof value2 === "string" ? text4(value2) : value2,
  level: 3
});
var p = (value2) => ({
  _tag: "Paragraph",
  value: typeof value2 === "string" ? text4(value2) : value2
});
var mapDescriptionList = /* @__PURE__ */ dual(2, (self, f) => isDescriptionList(self) ? descriptionList(map2(self.definitions, ([span2, helpDoc]) => f(span2, helpDoc))) : self);
var toAnsiDoc2 = (self) => optimize2(toAnsiDocInternal(self), Deep);
var toAnsiText = (self) => render2(toAnsiDoc2(self), {
  style: "pretty"
});
var toAnsiDocInternal = (self) => {
  switch (self._tag) {
    case "Empty": {
      return empty5;
    }
    case "Header": {
      return pipe(annotate2(toAnsiDoc(self.value), bold2), cat2(hardLine2));
    }
    case "Paragraph": {
      return pipe(toAnsiDoc(self.value), cat2(hardLine2));
    }
    case "DescriptionList": {
      const definitions = self.definitions.map(([span2, doc]) => cats2([annotate2(toAnsiDoc(span2), bold2), empty5, indent2(toAnsiDocInternal(doc), 2)]));
      return vsep2(definitions);
    }
    case "Enumeration": {
      const elements = self.elements.map((doc) => cat2(text3("- "), toAnsiDocInternal(doc)));
      return indent2(vsep2(elements), 2);
    }
    case "Sequence": {
      return vsep2([toAnsiDocInternal(self.left), toAnsiDocInternal(self.right)]);
    }
  }
};

// node_modules/@effect/cli/dist/esm/internal/cliConfig.js
var Tag = /* @__PURE__ */ GenericTag("@effect/cli/CliConfig");
var defaultConfig = {
  isCaseSensitive: false,
  autoCorrectLimit: 2,
  finalCheckBuiltIn: false,
  showAllNames: true,
  showBuiltIns: true,
  showTypes: true
};
var normalizeCase = /* @__PURE__ */ dual(2, (self, text12) => self.isCaseSensitive ? text12 : text12.toLowerCase());

// node_modules/@effect/cli/dist/esm/internal/prompt/action.js
var Action = /* @__PURE__ */ taggedEnum();

// node_modules/@effect/cli/dist/esm/internal/prompt.js
var PromptSymbolKey = "@effect/cli/Prompt";
var PromptTypeId = /* @__PURE__ */ Symbol.for(PromptSymbolKey);
var proto5 = {
  ...CommitPrototype,
  [PromptTypeId]: {
    _Output: (_) => _
  },
  commit() {
    return run(this);
  },
  pipe() {
    return pipeArguments(this, arguments);
  }
};
var isPrompt = (u) => typeof u === "object" && u != null && PromptTypeId in u;
var custom = (initialState3, handlers) => {
  const op = Object.create(proto5);
  op._tag = "Loop";
  op.initialState = initialState3;
  op.render = handlers.render;
  op.process = handlers.process;
  op.clear = handlers.clear;
  return op;
};
var map8 = /* @__PURE__ */ dual(2, (self, f) => flatMap4(self, (a) => succeed2(f(a))));
var flatMap4 = /* @__PURE__ */ dual(2, (self, f) => {
  const op = Object.create(proto5);
  op._tag = "OnSuccess";
  op.prompt = self;
  op.onSuccess = f;
  return op;
});
var run = /* @__PURE__ */ fnUntraced(function* (self) {
  const terminal = yield* Terminal;
  const input = yield* terminal.readInput;
  return yield* runWithInput(self, terminal, input);
}, /* @__PURE__ */ mapError(() => new QuitException()), scoped);
var runWithInput = (prompt4, terminal, input) => suspend(() => {
  const op = prompt4;
  switch (op._tag) {
    case "Loop": {
      return runLoop(op, terminal, input);
    }
    case "OnSuccess": {
      return flatMap3(runWithInput(op.prompt, terminal, input), (a) => runWithInput(op.onSuccess(a), terminal, input));
    }
    case "Succeed": {
      return succeed(op.value);
    }
  }
});
var runLoop = /* @__PURE__ */ fnUntraced(function* (loop, terminal, input) {
  let state = isEffect(loop.initialState) ? yield* loop.initialState : loop.initialState;
  let action = Action.NextFrame({
    state
  });
  while (true) {
    const msg = yield* loop.render(state, action);
    yield* orDie(terminal.display(msg));
    const event = yield* input.take;
    action = yield* loop.process(event, state);
    switch (action._tag) {
      case "Beep":
        continue;
      case "NextFrame": {
        yield* orDie(terminal.display(yield* loop.clear(state, action)));
        state = action.state;
        continue;
      }
      case "Submit": {
        yield* orDie(terminal.display(yield* loop.clear(state, action)));
        const msg2 = yield* loop.render(state, action);
        yield* orDie(terminal.display(msg2));
        return action.value;
      }
    }
  }
}, (effect, _, terminal) => ensuring(effect, orDie(terminal.display(render2(cursorShow3, {
  style: "pretty"
})))));
var succeed2 = (value2) => {
  const op = Object.create(proto5);
  op._tag = "Succeed";
  op.value = value2;
  return op;
};

// node_modules/@effect/cli/dist/esm/internal/prompt/ansi-utils.js
var defaultFigures = {
  arrowUp: /* @__PURE__ */ text3("\u2191"),
  arrowDown: /* @__PURE__ */ text3("\u2193"),
  arrowLeft: /* @__PURE__ */ text3("\u2190"),
  arrowRight: /* @__PURE__ */ text3("\u2192"),
  radioOn: /* @__PURE__ */ text3("\u25C9"),
  radioOff: /* @__PURE__ */ text3("\u25EF"),
  checkboxOn: /* @__PURE__ */ text3("\u2612"),
  checkboxOff: /* @__PURE__ */ text3("\u2610"),
  tick: /* @__PURE__ */ text3("\u2714"),
  cross: /* @__PURE__ */ text3("\u2716"),
  ellipsis: /* @__PURE__ */ text3("\u2026"),
  pointerSmall: /* @__PURE__ */ text3("\u203A"),
  line: /* @__PURE__ */ text3("\u2500"),
  pointer: /* @__PURE__ */ text3("\u276F")
};
var windowsFigures = {
  arrowUp: defaultFigures.arrowUp,
  arrowDown: defaultFigures.arrowDown,
  arrowLeft: defaultFigures.arrowLeft,
  arrowRight: defaultFigures.arrowRight,
  radioOn: /* @__PURE__ */ text3("(*)"),
  radioOff: /* @__PURE__ */ text3("( )"),
  checkboxOn: /* @__PURE__ */ text3("[*]"),
  checkboxOff: /* @__PURE__ */ text3("[ ]"),
  tick: /* @__PURE__ */ text3("\u221A"),
  cross: /* @__PURE__ */ text3("\xD7"),
  ellipsis: /* @__PURE__ */ text3("..."),
  pointerSmall: /* @__PURE__ */ text3("\xBB"),
  line: /* @__PURE__ */ text3("\u2500"),
  pointer: /* @__PURE__ */ text3(">")
};
var figures = /* @__PURE__ */ map3(/* @__PURE__ */ sync(() => process.platform === "win32"), (isWindows) => isWindows ? windowsFigures : defaultFigures);
function eraseText(text12, columns) {
  if (columns === 0) {
    return cat2(eraseLine3, cursorTo3(0));
  }
  let rows = 0;
  const lines2 = text12.split(/\r?\n/);
  for (const line4 of lines2) {
    rows += 1 + Math.floor(Math.max(line4.length - 1, 0) / columns);
  }
  return eraseLines3(rows);
}
function lines(prompt4, columns) {
  const lines2 = prompt4.split(/\r?\n/);
  return columns === 0 ? lines2.length : pipe(map2(lines2, (line4) => Math.ceil(line4.length / columns)), reduce(0, (left2, right2) => left2 + right2));
}

// node_modules/@effect/cli/dist/esm/internal/prompt/date.js
var renderBeep = /* @__PURE__ */ render2(beep3, {
  style: "pretty"
});
function handleClear(options3) {
  return (state, _) => {
    return gen(function* () {
      const terminal = yield* Terminal;
      const columns = yield* terminal.columns;
      const resetCurrentLine = cat2(eraseLine3, cursorLeft3);
      const clearError = match(state.error, {
        onNone: () => empty5,
        onSome: (error3) => cursorDown3(lines(error3, columns)).pipe(cat2(eraseText(`
${error3}`, columns)))
      });
      const clearOutput = eraseText(options3.message, columns);
      return clearError.pipe(cat2(clearOutput), cat2(resetCurrentLine), optimize2(Deep), render2({
        style: "pretty",
        options: {
          lineWidth: columns
        }
      }));
    });
  };
}
var NEWLINE_REGEX = /\r?\n/;
function renderError(state, pointer) {
  return match(state.error, {
    onNone: () => empty5,
    onSome: (error3) => {
      const errorLines = error3.split(NEWLINE_REGEX);
      if (isNonEmptyReadonlyArray(errorLines)) {
        const annotateLine = (line4) => annotate2(text3(line4), combine3(italicized2, red3));
        const prefix = cat2(annotate2(pointer, red3), space2);
        const lines2 = map2(errorLines, (str) => annotateLine(str));
        return cursorSavePosition3.pipe(cat2(hardLine2), cat2(prefix), cat2(align2(vsep2(lines2))), cat2(cursorRestorePosition3));
      }
      return empty5;
    }
  });
}
function renderParts(state, submitted = false) {
  return reduce(state.dateParts, empty5, (doc, part, currentIndex) => {
    const partDoc = text3(part.toString());
    if (currentIndex === state.cursor && !submitted) {
      const annotation = combine3(underlined2, cyanBright2);
      return cat2(doc, annotate2(partDoc, annotation));
    }
    return cat2(doc, partDoc);
  });
}
function renderOutput(leadingSymbol, trailingSymbol, parts, options3) {
  const annotateLine = (line4) => annotate2(text3(line4), bold2);
  const prefix = cat2(leadingSymbol, space2);
  return match2(options3.message.split(/\r?\n/), {
    onEmpty: () => hsep2([prefix, trailingSymbol, parts]),
    onNonEmpty: (promptLines) => {
      const lines2 = map2(promptLines, (line4) => annotateLine(line4));
      return prefix.pipe(cat2(nest2(vsep2(lines2), 2)), cat2(space2), cat2(trailingSymbol), cat2(space2), cat2(parts));
    }
  });
}
function renderNextFrame(state, options3) {
  return gen(function* () {
    const terminal = yield* Terminal;
    const columns = yield* terminal.columns;
    const figures2 = yield* figures;
    const leadingSymbol = annotate2(text3("?"), cyanBright2);
    const trailingSymbol = annotate2(figures2.pointerSmall, blackBright2);
    const parts = renderParts(state);
    const promptMsg = renderOutput(leadingSymbol, trailingSymbol, parts, options3);
    const errorMsg = renderError(state, figures2.pointerSmall);
    return cursorHide3.pipe(cat2(promptMsg), cat2(errorMsg), optimize2(Deep), render2({
      style: "pretty",
      options: {
        lineWidth: columns
      }
    }));
  });
}
function renderSubmission(state, options3) {
  return gen(function* () {
    const terminal = yield* Terminal;
    const columns = yield* terminal.columns;
    const figures2 = yield* figures;
    const leadingSymbol = annotate2(figures2.tick, green3);
    const trailingSymbol = annotate2(figures2.ellipsis, blackBright2);
    const parts = renderParts(state, true);
    const promptMsg = renderOutput(leadingSymbol, trailingSymbol, parts, options3);
    return promptMsg.pipe(cat2(hardLine2), optimize2(Deep), render2({
      style: "pretty",
      options: {
        lineWidth: columns
      }
    }));
  });
}
function processUp(state) {
  state.dateParts[state.cursor].increment();
  return Action.NextFrame({
    state: {
      ...state,
      typed: ""
    }
  });
}
function processDown(state) {
  state.dateParts[state.cursor].decrement();
  return Action.NextFrame({
    state: {
      ...state,
      typed: ""
    }
  });
}
function processCursorLeft(state) {
  const previousPart = state.dateParts[state.cursor].previousPart();
  return match(previousPart, {
    onNone: () => Action.Beep(),
    onSome: (previous) => Action.NextFrame({
      state: {
        ...state,
        typed: "",
        cursor: state.dateParts.indexOf(previous)
      }
    })
  });
}
function processCursorRight(state) {
  const nextPart = state.dateParts[state.cursor].nextPart();
  return match(nextPart, {
    onNone: () => Action.Beep(),
    onSome: (next) => Action.NextFrame({
      state: {
        ...state,
        typed: "",
        cursor: state.dateParts.indexOf(next)
      }
    })
  });
}
function processNext(state) {
  const nextPart = state.dateParts[state.cursor].nextPart();
  const cursor = match(nextPart, {
    onNone: () => state.dateParts.findIndex((part) => !part.isToken()),
    onSome: (next) => state.dateParts.indexOf(next)
  });
  return Action.NextFrame({
    state: {
      ...state,
      cursor
    }
  });
}
function defaultProcessor(value2, state) {
  if (/\d/.test(value2)) {
    const typed = state.typed + value2;
    state.dateParts[state.cursor].setValue(typed);
    return Action.NextFrame({
      state: {
        ...state,
        typed
      }
    });
  }
  return Action.Beep();
}
var defaultLocales = {
  months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  monthsShort: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
  weekdaysShort: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
};
function handleRender(options3) {
  return (state, action) => {
    return Action.$match(action, {
      Beep: () => succeed(renderBeep),
      NextFrame: ({
        state: state2
      }) => renderNextFrame(state2, options3),
      Submit: () => renderSubmission(state, options3)
    });
  };
}
function handleProcess(options3) {
  return (input, state) => {
    switch (input.key.name) {
      case "left": {
        return succeed(processCursorLeft(state));
      }
      case "right": {
        return succeed(processCursorRight(state));
      }
      case "k":
      case "up": {
        return succeed(processUp(state));
      }
      case "j":
      case "down": {
        return succeed(processDown(state));
      }
      case "tab": {
        return succeed(processNext(state));
      }
      case "enter":
      case "return": {
        return match3(options3.validate(state.value), {
          onFailure: (error3) => Action.NextFrame({
            state: {
              ...state,
              error: some(error3)
            }
          }),
          onSuccess: (value2) => Action.Submit({
            value: value2
          })
        });
      }
      default: {
        const value2 = getOrElse(input.input, () => "");
        return succeed(defaultProcessor(value2, state));
      }
    }
  };
}
var date = (options3) => {
  const opts = {
    initial: /* @__PURE__ */ new Date(),
    dateMask: "YYYY-MM-DD HH:mm:ss",
    validate: succeed,
    ...options3,
    locales: {
      ...defaultLocales,
      ...options3.locales
    }
  };
  const dateParts = makeDateParts(opts.dateMask, opts.initial, opts.locales);
  const initialCursorPosition = dateParts.findIndex((part) => !part.isToken());
  const initialState3 = {
    dateParts,
    typed: "",
    cursor: initialCursorPosition,
    value: opts.initial,
    error: none()
  };
  return custom(initialState3, {
    render: handleRender(opts),
    process: handleProcess(opts),
    clear: handleClear(opts)
  });
};
var DATE_PART_REGEX = /\\(.)|"((?:\\["\\]|[^"])+)"|(D[Do]?|d{3,4}|d)|(M{1,4})|(YY(?:YY)?)|([aA])|([Hh]{1,2})|(m{1,2})|(s{1,2})|(S{1,4})|./g;
var regexGroups = {
  1: ({
    token,
    ...opts
  }) => new Token({
    token: token.replace(/\\(.)/g, "$1"),
    ...opts
  }),
  2: (opts) => new Day(opts),
  3: (opts) => new Month(opts),
  4: (opts) => new Year(opts),
  5: (opts) => new Meridiem(opts),
  6: (opts) => new Hours(opts),
  7: (opts) => new Minutes(opts),
  8: (opts) => new Seconds(opts),
  9: (opts) => new Milliseconds(opts)
};
var makeDateParts = (dateMask, date7, locales) => {
  const parts = [];
  let result = null;
  while (result = DATE_PART_REGEX.exec(dateMask)) {
    const match6 = result.shift();
    const index = result.findIndex((group3) => group3 !== void 0);
    if (index in regexGroups) {
      const token = result[index] || match6;
      parts.push(regexGroups[index]({
        token,
        date: date7,
        parts,
        locales
      }));
    } else {
      parts.push(new Token({
        token: result[index] || match6,
        date: date7,
        parts,
        locales
      }));
    }
  }
  const orderedParts = parts.reduce((array3, element) => {
    const lastElement = array3[array3.length - 1];
    if (element.isToken() && lastElement !== void 0 && lastElement.isToken()) {
      lastElement.setValue(element.token);
    } else {
      array3.push(element);
    }
    return array3;
  }, empty());
  parts.splice(0, parts.length, ...orderedParts);
  return parts;
};
var DatePart = class {
  token;
  date;
  parts;
  locales;
  constructor(params) {
    this.token = params.token;
    this.locales = params.locales;
    this.date = params.date || /* @__PURE__ */ new Date();
    this.parts = params.parts || [this];
  }
  /**
   * Returns `true` if this `DatePart` is a `Token`, `false` otherwise.
   */
  isToken() {
    return false;
  }
  /**
   * Retrieves the next date part in the list of parts.
   */
  nextPart() {
    return findFirstIndex(this.parts, (part) => part === this).pipe(flatMap((currentPartIndex) => findFirst(this.parts.slice(currentPartIndex + 1), (part) => !part.isToken())));
  }
  /**
   * Retrieves the previous date part in the list of parts.
   */
  previousPart() {
    return findFirstIndex(this.parts, (part) => part === this).pipe(flatMap((currentPartIndex) => findLast(this.parts.slice(0, currentPartIndex), (part) => !part.isToken())));
  }
  toString() {
    return String(this.date);
  }
};
var Token = class extends DatePart {
  increment() {
  }
  decrement() {
  }
  setValue(value2) {
    this.token = this.token + value2;
  }
  isToken() {
    return true;
  }
  toString() {
    return this.token;
  }
};
var Milliseconds = class extends DatePart {
  increment() {
    this.date.setMilliseconds(this.date.getMilliseconds() + 1);
  }
  decrement() {
    this.date.setMilliseconds(this.date.getMilliseconds() - 1);
  }
  setValue(value2) {
    this.date.setMilliseconds(Number.parseInt(value2.slice(-this.token.length)));
  }
  toString() {
    const millis = `${this.date.getMilliseconds()}`;
    return millis.padStart(4, "0").substring(0, this.token.length);
  }
};
var Seconds = class extends DatePart {
  increment() {
    this.date.setSeconds(this.date.getSeconds() + 1);
  }
  decrement() {
    this.date.setSeconds(this.date.getSeconds() - 1);
  }
  setValue(value2) {
    this.date.setSeconds(Number.parseInt(value2.slice(-2)));
  }
  toString() {
    const seconds = `${this.date.getSeconds()}`;
    return this.token.length > 1 ? seconds.padStart(2, "0") : seconds;
  }
};
var Minutes = class extends DatePart {
  increment() {
    this.date.setMinutes(this.date.getMinutes() + 1);
  }
  decrement() {
    this.date.setMinutes(this.date.getMinutes() - 1);
  }
  setValue(value2) {
    this.date.setMinutes(Number.parseInt(value2.slice(-2)));
  }
  toString() {
    const minutes = `${this.date.getMinutes()}`;
    return this.token.length > 1 ? minutes.padStart(2, "0") : minutes;
  }
};
var Hours = class extends DatePart {
  increment() {
    this.date.setHours(this.date.getHours() + 1);
  }
  decrement() {
    this.date.setHours(this.date.getHours() - 1);
  }
  setValue(value2) {
    this.date.setHours(Number.parseInt(value2.slice(-2)));
  }
  toString() {
    const hours = /h/.test(this.token) ? this.date.getHours() % 12 || 12 : this.date.getHours();
    return this.token.length > 1 ? `${hours}`.padStart(2, "0") : `${hours}`;
  }
};
var Day = class extends DatePart {
  increment() {
    this.date.setDate(this.date.getDate() + 1);
  }
  decrement() {
    this.date.setDate(this.date.getDate() - 1);
  }
  setValue(value2) {
    this.date.setDate(Number.parseInt(value2.slice(-2)));
  }
  toString() {
    const date7 = this.date.getDate();
    const day = this.date.getDay();
    return value(this.token).pipe(when2("DD", () => `${date7}`.padStart(2, "0")), when2("Do", () => `${date7}${this.ordinalIndicator(date7)}`), when2("d", () => `${day + 1}`), when2("ddd", () => this.locales.weekdaysShort[day]), when2("dddd", () => this.locales.weekdays[day]), orElse3(() => `${date7}`));
  }
  ordinalIndicator(day) {
    return value(day % 10).pipe(when2(1, () => "st"), when2(2, () => "nd"), when2(3, () => "rd"), orElse3(() => "th"));
  }
};
var Month = class extends DatePart {
  increment() {
    this.date.setMonth(this.date.getMonth() + 1);
  }
  decrement() {
    this.date.setMonth(this.date.getMonth() - 1);
  }
  setValue(value2) {
    const month = Number.parseInt(value2.slice(-2)) - 1;
    this.date.setMonth(month < 0 ? 0 : month);
  }
  toString() {
    const month = this.date.getMonth();
    return value(this.token.length).pipe(when2(2, () => `${month + 1}`.padStart(2, "0")), when2(3, () => this.locales.monthsShort[month]), when2(4, () => this.locales.months[month]), orElse3(() => `${month + 1}`));
  }
};
var Year = class extends DatePart {
  increment() {
    this.date.setFullYear(this.date.getFullYear() + 1);
  }
  decrement() {
    this.date.setFullYear(this.date.getFullYear() - 1);
  }
  setValue(value2) {
    this.date.setFullYear(Number.parseInt(value2.slice(-4)));
  }
  toString() {
    const year = `${this.date.getFullYear()}`.padStart(4, "0");
    return this.token.length === 2 ? year.substring(-2) : year;
  }
};
var Meridiem = class extends DatePart {
  increment() {
    this.date.setHours((this.date.getHours() + 12) % 24);
  }
  decrement() {
    this.increment();
  }
  setValue(_value) {
  }
  toString() {
    const meridiem = this.date.getHours() > 12 ? "pm" : "am";
    return /A/.test(this.token) ? meridiem.toUpperCase() : meridiem;
  }
};

// node_modules/@effect/cli/dist/esm/internal/prompt/utils.js
var entriesToDisplay = (cursor, total, maxVisible) => {
  const max2 = maxVisible === void 0 ? total : maxVisible;
  let startIndex = Math.min(total - max2, cursor - Math.floor(max2 / 2));
  if (startIndex < 0) {
    startIndex = 0;
  }
  const endIndex = Math.min(startIndex + max2, total);
  return {
    startIndex,
    endIndex
  };
};

// node_modules/@effect/cli/dist/esm/internal/prompt/file.js
var CONFIRM_MESSAGE = "The selected directory contains files. Would you like to traverse the selected directory?";
var Confirm = /* @__PURE__ */ taggedEnum();
var showConfirmation = /* @__PURE__ */ Confirm.$is("Show");
var renderBeep2 = /* @__PURE__ */ render2(beep3, {
  style: "pretty"
});
function resolveCurrentPath(path4, options3) {
  return match(path4, {
    onNone: () => match(options3.startingPath, {
      onNone: () => sync(() => process.cwd()),
      onSome: (path5) => flatMap3(FileSystem, (fs) => (
        // Ensure the user provided starting path exists
        orDie(fs.exists(path5)).pipe(filterOrDieMessage(identity, `The provided starting path '${path5}' does not exist`), as(path5))
      ))
    }),
    onSome: (path5) => succeed(path5)
  });
}
function getFileList(directory5, options3) {
  return gen(function* () {
    const fs = yield* FileSystem;
    const path4 = yield* Path;
    const files = yield* orDie(fs.readDirectory(directory5)).pipe(
      // Always prepend the `".."` option to the file list but allow it
      // to be filtered out if the user so desires
      map3((files2) => ["..", ...files2])
    );
    return yield* filter2(files, (file6) => {
      const result = options3.filter(file6);
      const userDefinedFilter = isEffect(result) ? result : succeed(result);
      const directoryFilter = options3.type === "directory" ? map3(orDie(fs.stat(path4.join(directory5, file6))), (info) => info.type === "Directory") : succeed(true);
      return zipWith(userDefinedFilter, directoryFilter, (a, b) => a && b);
    }, {
      concurrency: files.length
    });
  });
}
function handleClear2(options3) {
  return (state, _) => {
    return gen(function* () {
      const terminal = yield* Terminal;
      const columns = yield* terminal.columns;
      const currentPath = yield* resolveCurrentPath(state.path, options3);
      const text12 = "\n".repeat(Math.min(state.files.length, options3.maxPerPage));
      const clearPath = eraseText(currentPath, columns);
      const message = showConfirmation(state.confirm) ? CONFIRM_MESSAGE : options3.message;
      const clearPrompt = eraseText(`
${message}`, columns);
      const clearOptions = eraseText(text12, columns);
      return clearOptions.pipe(cat2(clearPath), cat2(clearPrompt), optimize2(Deep), render2({
        style: "pretty",
        options: {
          lineWidth: columns
        }
      }));
    });
  };
}
var NEWLINE_REGEX2 = /\r?\n/;
function renderPrompt(confirm, message, leadingSymbol, trailingSymbol) {
  const annotateLine = (line4) => annotate2(text3(line4), bold2);
  const prefix = cat2(leadingSymbol, space2);
  return match2(message.split(NEWLINE_REGEX2), {
    onEmpty: () => hsep2([prefix, trailingSymbol, confirm]),
    onNonEmpty: (promptLines) => {
      const lines2 = map2(promptLines, (line4) => annotateLine(line4));
      return prefix.pipe(cat2(nest2(vsep2(lines2), 2)), cat2(space2), cat2(trailingSymbol), cat2(space2), cat2(confirm));
    }
  });
}
function renderPrefix(state, toDisplay, currentIndex, length, figures2) {
  let prefix = space2;
  if (currentIndex === toDisplay.startIndex && toDisplay.startIndex > 0) {
    prefix = figures2.arrowUp;
  } else if (currentIndex === toDisplay.endIndex - 1 && toDisplay.endIndex < length) {
    prefix = figures2.arrowDown;
  }
  return state.cursor === currentIndex ? figures2.pointer.pipe(annotate2(cyanBright2), cat2(prefix)) : prefix.pipe(cat2(space2));
}
function renderFileName(file6, isSelected) {
  return isSelected ? annotate2(text3(file6), combine3(underlined2, cyanBright2)) : text3(file6);
}
function renderFiles(state, files, figures2, options3) {
  const length = files.length;
  const toDisplay = entriesToDisplay(state.cursor, length, options3.maxPerPage);
  const documents = [];
  for (let index = toDisplay.startIndex; index < toDisplay.endIndex; index++) {
    const isSelected = state.cursor === index;
    const prefix = renderPrefix(state, toDisplay, index, length, figures2);
    const fileName = renderFileName(files[index], isSelected);
    documents.push(cat2(prefix, fileName));
  }
  return vsep2(documents);
}
function renderNextFrame2(state, options3) {
  return gen(function* () {
    const path4 = yield* Path;
    const terminal = yield* Terminal;
    const columns = yield* terminal.columns;
    const figures2 = yield* figures;
    const currentPath = yield* resolveCurrentPath(state.path, options3);
    const selectedPath = state.files[state.cursor];
    const resolvedPath = path4.resolve(currentPath, selectedPath);
    const resolvedPathMsg = figures2.pointerSmall.pipe(cat2(space2), cat2(text3(resolvedPath)), annotate2(blackBright2));
    if (showConfirmation(state.confirm)) {
      const leadingSymbol2 = annotate2(text3("?"), cyanBright2);
      const trailingSymbol2 = annotate2(figures2.pointerSmall, blackBright2);
      const confirm = annotate2(text3("(Y/n)"), blackBright2);
      const promptMsg2 = renderPrompt(confirm, CONFIRM_MESSAGE, leadingSymbol2, trailingSymbol2);
      return cursorHide3.pipe(cat2(promptMsg2), cat2(hardLine2), cat2(resolvedPathMsg), optimize2(Deep), render2({
        style: "pretty",
        options: {
          lineWidth: columns
        }
      }));
    }
    const leadingSymbol = annotate2(figures2.tick, green3);
    const trailingSymbol = annotate2(figures2.ellipsis, blackBright2);
    const promptMsg = renderPrompt(empty5, options3.message, leadingSymbol, trailingSymbol);
    const files = renderFiles(state, state.files, figures2, options3);
    return cursorHide3.pipe(cat2(promptMsg), cat2(hardLine2), cat2(resolvedPathMsg), cat2(hardLine2), cat2(files), optimize2(Deep), render2({
      style: "pretty",
      options: {
        lineWidth: columns
      }
    }));
  });
}
function renderSubmission2(value2, options3) {
  return gen(function* () {
    const terminal = yield* Terminal;
    const columns = yield* terminal.columns;
    const figures2 = yield* figures;
    const leadingSymbol = annotate2(figures2.tick, green3);
    const trailingSymbol = annotate2(figures2.ellipsis, blackBright2);
    const promptMsg = renderPrompt(empty5, options3.message, leadingSymbol, trailingSymbol);
    return promptMsg.pipe(cat2(space2), cat2(annotate2(text3(value2), white3)), cat2(hardLine2), render2({
      style: "pretty",
      options: {
        lineWidth: columns
      }
    }));
  });
}
function handleRender2(options3) {
  return (_, action) => {
    return Action.$match(action, {
      Beep: () => succeed(renderBeep2),
      NextFrame: ({
        state
      }) => renderNextFrame2(state, options3),
      Submit: ({
        value: value2
      }) => renderSubmission2(value2, options3)
    });
  };
}
function processCursorUp(state) {
  const cursor = state.cursor - 1;
  return succeed(Action.NextFrame({
    state: {
      ...state,
      cursor: cursor < 0 ? state.files.length - 1 : cursor
    }
  }));
}
function processCursorDown(state) {
  return succeed(Action.NextFrame({
    state: {
      ...state,
      cursor: (state.cursor + 1) % state.files.length
    }
  }));
}
function processSelection(state, options3) {
  return gen(function* () {
    const fs = yield* FileSystem;
    const path4 = yield* Path;
    const currentPath = yield* resolveCurrentPath(state.path, options3);
    const selectedPath = state.files[state.cursor];
    const resolvedPath = path4.resolve(currentPath, selectedPath);
    const info = yield* orDie(fs.stat(resolvedPath));
    if (info.type === "Directory") {
      const files = yield* getFileList(resolvedPath, options3);
      const filesWithoutParent = files.filter((file6) => file6 !== "..");
      if (options3.type === "directory" || options3.type === "either") {
        return filesWithoutParent.length === 0 ? Action.Submit({
          value: resolvedPath
        }) : Action.NextFrame({
          state: {
            ...state,
            confirm: Confirm.Show()
          }
        });
      }
      return Action.NextFrame({
        state: {
          cursor: 0,
          files,
          path: some(resolvedPath),
          confirm: Confirm.Hide()
        }
      });
    }
    return Action.Submit({
      value: resolvedPath
    });
  });
}
function handleProcess2(options3) {
  return (input, state) => gen(function* () {
    switch (input.key.name) {
      case "k":
      case "up": {
        return yield* processCursorUp(state);
      }
      case "j":
      case "down":
      case "tab": {
        return yield* processCursorDown(state);
      }
      case "enter":
      case "return": {
        return yield* processSelection(state, options3);
      }
      case "y":
      case "t": {
        if (showConfirmation(state.confirm)) {
          const path4 = yield* Path;
          const currentPath = yield* resolveCurrentPath(state.path, options3);
          const selectedPath = state.files[state.cursor];
          const resolvedPath = path4.resolve(currentPath, selectedPath);
          const files = yield* getFileList(resolvedPath, options3);
          return Action.NextFrame({
            state: {
              cursor: 0,
              files,
              path: some(resolvedPath),
              confirm: Confirm.Hide()
            }
          });
        }
        return Action.Beep();
      }
      case "n":
      case "f": {
        if (showConfirmation(state.confirm)) {
          const path4 = yield* Path;
          const currentPath = yield* resolveCurrentPath(state.path, options3);
          const selectedPath = state.files[state.cursor];
          const resolvedPath = path4.resolve(currentPath, selectedPath);
          return Action.Submit({
            value: resolvedPath
          });
        }
        return Action.Beep();
      }
      default: {
        return Action.Beep();
      }
    }
  });
}
var file = (options3 = {}) => {
  const opts = {
    type: options3.type ?? "file",
    message: options3.message ?? `Choose a file`,
    startingPath: fromNullable(options3.startingPath),
    maxPerPage: options3.maxPerPage ?? 10,
    filter: options3.filter ?? (() => succeed(true))
  };
  const initialState3 = gen(function* () {
    const path4 = none();
    const currentPath = yield* resolveCurrentPath(path4, opts);
    const files = yield* getFileList(currentPath, opts);
    const confirm = Confirm.Hide();
    return {
      cursor: 0,
      files,
      path: path4,
      confirm
    };
  });
  return custom(initialState3, {
    render: handleRender2(opts),
    process: handleProcess2(opts),
    clear: handleClear2(opts)
  });
};

// node_modules/@effect/cli/dist/esm/internal/prompt/number.js
var parseInt2 = /* @__PURE__ */ NumberFromString.pipe(/* @__PURE__ */ int(), decodeUnknown);
var parseFloat2 = /* @__PURE__ */ decodeUnknown(NumberFromString);
var renderBeep3 = /* @__PURE__ */ render2(beep3, {
  style: "pretty"
});
function handleClear3(options3) {
  return (state, _) => {
    return gen(function* () {
      const terminal = yield* Terminal;
      const columns = yield* terminal.columns;
      const resetCurrentLine = cat2(eraseLine3, cursorLeft3);
      const clearError = match(state.error, {
        onNone: () => empty5,
        onSome: (error3) => cursorDown3(lines(error3, columns)).pipe(cat2(eraseText(`
${error3}`, columns)))
      });
      const clearOutput = eraseText(options3.message, columns);
      return clearError.pipe(cat2(clearOutput), cat2(resetCurrentLine), optimize2(Deep), render2({
        style: "pretty",
        options: {
          lineWidth: columns
        }
      }));
    });
  };
}
function renderInput(state, submitted) {
  const annotation = match(state.error, {
    onNone: () => combine3(underlined2, cyanBright2),
    onSome: () => red3
  });
  const value2 = state.value === "" ? empty5 : text3(`${state.value}`);
  return submitted ? value2 : annotate2(value2, annotation);
}
var NEWLINE_REGEX3 = /\r?\n/;
function renderError2(state, pointer) {
  return match(state.error, {
    onNone: () => empty5,
    onSome: (error3) => match2(error3.split(NEWLINE_REGEX3), {
      onEmpty: () => empty5,
      onNonEmpty: (errorLines) => {
        const annotateLine = (line4) => annotate2(text3(line4), combine3(italicized2, red3));
        const prefix = cat2(annotate2(pointer, red3), space2);
        const lines2 = map2(errorLines, (str) => annotateLine(str));
        return cursorSavePosition3.pipe(cat2(hardLine2), cat2(prefix), cat2(align2(vsep2(lines2))), cat2(cursorRestorePosition3));
      }
    })
  });
}
function renderOutput2(state, leadingSymbol, trailingSymbol, options3, submitted = false) {
  const annotateLine = (line4) => annotate2(text3(line4), bold2);
  const prefix = cat2(leadingSymbol, space2);
  return match2(options3.message.split(/\r?\n/), {
    onEmpty: () => hsep2([prefix, trailingSymbol, renderInput(state, submitted)]),
    onNonEmpty: (promptLines) => {
      const lines2 = map2(promptLines, (line4) => annotateLine(line4));
      return prefix.pipe(cat2(nest2(vsep2(lines2), 2)), cat2(space2), cat2(trailingSymbol), cat2(space2), cat2(renderInput(state, submitted)));
    }
  });
}
function renderNextFrame3(state, options3) {
  return gen(function* () {
    const terminal = yield* Terminal;
    const columns = yield* terminal.columns;
    const figures2 = yield* figures;
    const leadingSymbol = annotate2(text3("?"), cyanBright2);
    const trailingSymbol = annotate2(figures2.pointerSmall, blackBright2);
    const errorMsg = renderError2(state, figures2.pointerSmall);
    const promptMsg = renderOutput2(state, leadingSymbol, trailingSymbol, options3);
    return promptMsg.pipe(cat2(errorMsg), optimize2(Deep), render2({
      style: "pretty",
      options: {
        lineWidth: columns
      }
    }));
  });
}
function renderSubmission3(nextState, options3) {
  return gen(function* () {
    const terminal = yield* Terminal;
    const columns = yield* terminal.columns;
    const figures2 = yield* figures;
    const leadingSymbol = annotate2(figures2.tick, green3);
    const trailingSymbol = annotate2(figures2.ellipsis, blackBright2);
    const promptMsg = renderOutput2(nextState, leadingSymbol, trailingSymbol, options3, true);
    return promptMsg.pipe(cat2(hardLine2), optimize2(Deep), render2({
      style: "pretty",
      options: {
        lineWidth: columns
      }
    }));
  });
}
function processBackspace(state) {
  if (state.value.length <= 0) {
    return succeed(Action.Beep());
  }
  const value2 = state.value.slice(0, state.value.length - 1);
  return succeed(Action.NextFrame({
    state: {
      ...state,
      value: value2,
      error: none()
    }
  }));
}
function defaultIntProcessor(state, input) {
  if (state.value.length === 0 && input === "-") {
    return succeed(Action.NextFrame({
      state: {
        ...state,
        value: "-",
        error: none()
      }
    }));
  }
  return match3(parseInt2(state.value + input), {
    onFailure: () => Action.Beep(),
    onSuccess: (value2) => Action.NextFrame({
      state: {
        ...state,
        value: `${value2}`,
        error: none()
      }
    })
  });
}
function defaultFloatProcessor(state, input) {
  if (input === "." && state.value.includes(".")) {
    return succeed(Action.Beep());
  }
  if (state.value.length === 0 && input === "-") {
    return succeed(Action.NextFrame({
      state: {
        ...state,
        value: "-",
        error: none()
      }
    }));
  }
  return match3(parseFloat2(state.value + input), {
    onFailure: () => Action.Beep(),
    onSuccess: (value2) => Action.NextFrame({
      state: {
        ...state,
        value: input === "." ? `${value2}.` : `${value2}`,
        error: none()
      }
    })
  });
}
var initialState = {
  cursor: 0,
  value: "",
  error: /* @__PURE__ */ none()
};
function handleRenderInteger(options3) {
  return (state, action) => {
    return Action.$match(action, {
      Beep: () => succeed(renderBeep3),
      NextFrame: ({
        state: state2
      }) => renderNextFrame3(state2, options3),
      Submit: () => renderSubmission3(state, options3)
    });
  };
}
function handleProcessInteger(options3) {
  return (input, state) => {
    switch (input.key.name) {
      case "backspace": {
        return processBackspace(state);
      }
      case "k":
      case "up": {
        return succeed(Action.NextFrame({
          state: {
            ...state,
            value: state.value === "" || state.value === "-" ? `${options3.incrementBy}` : `${Number.parseInt(state.value) + options3.incrementBy}`,
            error: none()
          }
        }));
      }
      case "j":
      case "down": {
        return succeed(Action.NextFrame({
          state: {
            ...state,
            value: state.value === "" || state.value === "-" ? `-${options3.decrementBy}` : `${Number.parseInt(state.value) - options3.decrementBy}`,
            error: none()
          }
        }));
      }
      case "enter":
      case "return": {
        return matchEffect(parseInt2(state.value), {
          onFailure: () => succeed(Action.NextFrame({
            state: {
              ...state,
              error: some("Must provide an integer value")
            }
          })),
          onSuccess: (n) => match3(options3.validate(n), {
            onFailure: (error3) => Action.NextFrame({
              state: {
                ...state,
                error: some(error3)
              }
            }),
            onSuccess: (value2) => Action.Submit({
              value: value2
            })
          })
        });
      }
      default: {
        const value2 = getOrElse(input.input, () => "");
        return defaultIntProcessor(state, value2);
      }
    }
  };
}
var integer = (options3) => {
  const opts = {
    min: Number.NEGATIVE_INFINITY,
    max: Number.POSITIVE_INFINITY,
    incrementBy: 1,
    decrementBy: 1,
    validate: (n) => {
      if (n < opts.min) {
        return fail(`${n} must be greater than or equal to ${opts.min}`);
      }
      if (n > opts.max) {
        return fail(`${n} must be less than or equal to ${opts.max}`);
      }
      return succeed(n);
    },
    ...options3
  };
  return custom(initialState, {
    render: handleRenderInteger(opts),
    process: handleProcessInteger(opts),
    clear: handleClear3(opts)
  });
};
function handleRenderFloat(options3) {
  return (state, action) => {
    return Action.$match(action, {
      Beep: () => succeed(renderBeep3),
      NextFrame: ({
        state: state2
      }) => renderNextFrame3(state2, options3),
      Submit: () => renderSubmission3(state, options3)
    });
  };
}
function handleProcessFloat(options3) {
  return (input, state) => {
    switch (input.key.name) {
      case "backspace": {
        return processBackspace(state);
      }
      case "k":
      case "up": {
        return succeed(Action.NextFrame({
          state: {
            ...state,
            value: state.value === "" || state.value === "-" ? `${options3.incrementBy}` : `${Number.parseFloat(state.value) + options3.incrementBy}`,
            error: none()
          }
        }));
      }
      case "j":
      case "down": {
        return succeed(Action.NextFrame({
          state: {
            ...state,
            value: state.value === "" || state.value === "-" ? `-${options3.decrementBy}` : `${Number.parseFloat(state.value) - options3.decrementBy}`,
            error: none()
          }
        }));
      }
      case "enter":
      case "return": {
        return matchEffect(parseFloat2(state.value), {
          onFailure: () => succeed(Action.NextFrame({
            state: {
              ...state,
              error: some("Must provide a floating point value")
            }
          })),
          onSuccess: (n) => flatMap3(sync(() => round(n, options3.precision)), (rounded) => match3(options3.validate(rounded), {
            onFailure: (error3) => Action.NextFrame({
              state: {
                ...state,
                error: some(error3)
              }
            }),
            onSuccess: (value2) => Action.Submit({
              value: value2
            })
          }))
        });
      }
      default: {
        const value2 = getOrElse(input.input, () => "");
        return defaultFloatProcessor(state, value2);
      }
    }
  };
}
var float = (options3) => {
  const opts = {
    min: Number.NEGATIVE_INFINITY,
    max: Number.POSITIVE_INFINITY,
    incrementBy: 1,
    decrementBy: 1,
    precision: 2,
    validate: (n) => {
      if (n < opts.min) {
        return fail(`${n} must be greater than or equal to ${opts.min}`);
      }
      if (n > opts.max) {
        return fail(`${n} must be less than or equal to ${opts.max}`);
      }
      return succeed(n);
    },
    ...options3
  };
  return custom(initialState, {
    render: handleRenderFloat(opts),
    process: handleProcessFloat(opts),
    clear: handleClear3(opts)
  });
};

// node_modules/@effect/cli/dist/esm/internal/prompt/select.js
var renderBeep4 = /* @__PURE__ */ render2(beep3, {
  style: "pretty"
});
var NEWLINE_REGEX4 = /\r?\n/;
function renderOutput3(leadingSymbol, trailingSymbol, options3) {
  const annotateLine = (line4) => annotate2(text3(line4), bold2);
  const prefix = cat2(leadingSymbol, space2);
  return match2(options3.message.split(NEWLINE_REGEX4), {
    onEmpty: () => hsep2([prefix, trailingSymbol]),
    onNonEmpty: (promptLines) => {
      const lines2 = map2(promptLines, (line4) => annotateLine(line4));
      return prefix.pipe(cat2(nest2(vsep2(lines2), 2)), cat2(space2), cat2(trailingSymbol), cat2(space2));
    }
  });
}
function renderChoicePrefix(state, choices, toDisplay, currentIndex, figures2) {
  let prefix = space2;
  if (currentIndex === toDisplay.startIndex && toDisplay.startIndex > 0) {
    prefix = figures2.arrowUp;
  } else if (currentIndex === toDisplay.endIndex - 1 && toDisplay.endIndex < choices.length) {
    prefix = figures2.arrowDown;
  }
  if (choices[currentIndex].disabled) {
    const annotation = combine3(bold2, blackBright2);
    return state === currentIndex ? figures2.pointer.pipe(annotate2(annotation), cat2(prefix)) : prefix.pipe(cat2(space2));
  }
  return state === currentIndex ? figures2.pointer.pipe(annotate2(cyanBright2), cat2(prefix)) : prefix.pipe(cat2(space2));
}
function renderChoiceTitle(choice6, isSelected) {
  const title = text3(choice6.title);
  if (isSelected) {
    return choice6.disabled ? annotate2(title, combine3(underlined2, blackBright2)) : annotate2(title, combine3(underlined2, cyanBright2));
  }
  return choice6.disabled ? annotate2(title, combine3(strikethrough2, blackBright2)) : title;
}
function renderChoiceDescription(choice6, isSelected) {
  if (!choice6.disabled && choice6.description && isSelected) {
    return char3("-").pipe(cat2(space2), cat2(text3(choice6.description)), annotate2(blackBright2));
  }
  return empty5;
}
function renderChoices(state, options3, figures2) {
  const choices = options3.choices;
  const toDisplay = entriesToDisplay(state, choices.length, options3.maxPerPage);
  const documents = [];
  for (let index = toDisplay.startIndex; index < toDisplay.endIndex; index++) {
    const choice6 = choices[index];
    const isSelected = state === index;
    const prefix = renderChoicePrefix(state, choices, toDisplay, index, figures2);
    const title = renderChoiceTitle(choice6, isSelected);
    const description = renderChoiceDescription(choice6, isSelected);
    documents.push(prefix.pipe(cat2(title), cat2(space2), cat2(description)));
  }
  return vsep2(documents);
}
function renderNextFrame4(state, options3) {
  return gen(function* () {
    const terminal = yield* Terminal;
    const columns = yield* terminal.columns;
    const figures2 = yield* figures;
    const choices = renderChoices(state, options3, figures2);
    const leadingSymbol = annotate2(text3("?"), cyanBright2);
    const trailingSymbol = annotate2(figures2.pointerSmall, blackBright2);
    const promptMsg = renderOutput3(leadingSymbol, trailingSymbol, options3);
    return cursorHide3.pipe(cat2(promptMsg), cat2(hardLine2), cat2(choices), render2({
      style: "pretty",
      options: {
        lineWidth: columns
      }
    }));
  });
}
function renderSubmission4(state, options3) {
  return gen(function* () {
    const terminal = yield* Terminal;
    const columns = yield* terminal.columns;
    const figures2 = yield* figures;
    const selected = text3(options3.choices[state].title);
    const leadingSymbol = annotate2(figures2.tick, green3);
    const trailingSymbol = annotate2(figures2.ellipsis, blackBright2);
    const promptMsg = renderOutput3(leadingSymbol, trailingSymbol, options3);
    return promptMsg.pipe(cat2(space2), cat2(annotate2(selected, white3)), cat2(hardLine2), render2({
      style: "pretty",
      options: {
        lineWidth: columns
      }
    }));
  });
}
function processCursorUp2(state, choices) {
  if (state === 0) {
    return succeed(Action.NextFrame({
      state: choices.length - 1
    }));
  }
  return succeed(Action.NextFrame({
    state: state - 1
  }));
}
function processCursorDown2(state, choices) {
  if (state === choices.length - 1) {
    return succeed(Action.NextFrame({
      state: 0
    }));
  }
  return succeed(Action.NextFrame({
    state: state + 1
  }));
}
function processNext2(state, choices) {
  return succeed(Action.NextFrame({
    state: (state + 1) % choices.length
  }));
}
function handleRender3(options3) {
  return (state, action) => {
    return Action.$match(action, {
      Beep: () => succeed(renderBeep4),
      NextFrame: ({
        state: state2
      }) => renderNextFrame4(state2, options3),
      Submit: () => renderSubmission4(state, options3)
    });
  };
}
function handleClear4(options3) {
  return gen(function* () {
    const terminal = yield* Terminal;
    const columns = yield* terminal.columns;
    const clearPrompt = cat2(eraseLine3, cursorLeft3);
    const text12 = "\n".repeat(Math.min(options3.choices.length, options3.maxPerPage)) + options3.message;
    const clearOutput = eraseText(text12, columns);
    return clearOutput.pipe(cat2(clearPrompt), optimize2(Deep), render2({
      style: "pretty",
      options: {
        lineWidth: columns
      }
    }));
  });
}
function handleProcess3(options3) {
  return (input, state) => {
    switch (input.key.name) {
      case "k":
      case "up": {
        return processCursorUp2(state, options3.choices);
      }
      case "j":
      case "down": {
        return processCursorDown2(state, options3.choices);
      }
      case "tab": {
        return processNext2(state, options3.choices);
      }
      case "enter":
      case "return": {
        const selected = options3.choices[state];
        if (selected.disabled) {
          return succeed(Action.Beep());
        }
        return succeed(Action.Submit({
          value: selected.value
        }));
      }
      default: {
        return succeed(Action.Beep());
      }
    }
  };
}
var select = (options3) => {
  const opts = {
    maxPerPage: 10,
    ...options3
  };
  let initialIndex = 0;
  let seenSelected = -1;
  for (let i = 0; i < opts.choices.length; i++) {
    const choice6 = opts.choices[i];
    if (choice6.selected === true) {
      if (seenSelected !== -1) {
        throw new Error("InvalidArgumentException: only a single choice can be selected by default for Prompt.select");
      }
      seenSelected = i;
    }
  }
  if (seenSelected !== -1) {
    initialIndex = seenSelected;
  }
  return custom(initialIndex, {
    render: handleRender3(opts),
    process: handleProcess3(opts),
    clear: () => handleClear4(opts)
  });
};

// node_modules/@effect/cli/dist/esm/internal/prompt/text.js
function getValue(state, options3) {
  return state.value.length > 0 ? state.value : options3.default;
}
var renderBeep5 = /* @__PURE__ */ render2(beep3, {
  style: "pretty"
});
function renderClearScreen(state, options3) {
  return gen(function* () {
    const terminal = yield* Terminal;
    const columns = yield* terminal.columns;
    const resetCurrentLine = cat2(eraseLine3, cursorLeft3);
    const clearError = match(state.error, {
      onNone: () => empty5,
      onSome: (error3) => (
        // If there was an error, move the cursor down to the final error line and
        // then clear all lines of error output
        cursorDown3(lines(error3, columns)).pipe(
          // Add a leading newline to the error message to ensure that the corrrect
          // number of error lines are erased
          cat2(eraseText(`
${error3}`, columns))
        )
      )
    });
    const inputValue = state.value.length > 0 ? state.value : options3.default;
    const fullLine = `? ${options3.message} \u203A ${inputValue}`;
    const clearOutput = eraseText(fullLine, columns);
    return clearError.pipe(cat2(clearOutput), cat2(resetCurrentLine), optimize2(Deep), render2({
      style: "pretty",
      options: {
        lineWidth: columns
      }
    }));
  });
}
function renderInput2(nextState, options3, submitted) {
  const text12 = getValue(nextState, options3);
  const annotation = match(nextState.error, {
    onNone: () => {
      if (submitted) {
        return white3;
      }
      if (nextState.value.length === 0) {
        return blackBright2;
      }
      return combine3(underlined2, cyanBright2);
    },
    onSome: () => red3
  });
  switch (options3.type) {
    case "hidden": {
      return empty5;
    }
    case "password": {
      return annotate2(text3("*".repeat(text12.length)), annotation);
    }
    case "text": {
      return annotate2(text3(text12), annotation);
    }
  }
}
function renderError3(nextState, pointer) {
  return match(nextState.error, {
    onNone: () => empty5,
    onSome: (error3) => match2(error3.split(/\r?\n/), {
      onEmpty: () => empty5,
      onNonEmpty: (errorLines) => {
        const annotateLine = (line4) => text3(line4).pipe(annotate2(combine3(italicized2, red3)));
        const prefix = cat2(annotate2(pointer, red3), space2);
        const lines2 = map2(errorLines, (str) => annotateLine(str));
        return cursorSavePosition3.pipe(cat2(hardLine2), cat2(prefix), cat2(align2(vsep2(lines2))), cat2(cursorRestorePosition3));
      }
    })
  });
}
function renderOutput4(nextState, leadingSymbol, trailingSymbol, options3, submitted = false) {
  const annotateLine = (line4) => annotate2(text3(line4), bold2);
  const promptLines = options3.message.split(/\r?\n/);
  const prefix = cat2(leadingSymbol, space2);
  if (isNonEmptyReadonlyArray(promptLines)) {
    const lines2 = map2(promptLines, (line4) => annotateLine(line4));
    return prefix.pipe(cat2(nest2(vsep2(lines2), 2)), cat2(space2), cat2(trailingSymbol), cat2(space2), cat2(renderInput2(nextState, options3, submitted)));
  }
  return hsep2([prefix, trailingSymbol, renderInput2(nextState, options3, submitted)]);
}
function renderNextFrame5(state, options3) {
  return gen(function* () {
    const terminal = yield* Terminal;
    const columns = yield* terminal.columns;
    const figures2 = yield* figures;
    const leadingSymbol = annotate2(text3("?"), cyanBright2);
    const trailingSymbol = annotate2(figures2.pointerSmall, blackBright2);
    const promptMsg = renderOutput4(state, leadingSymbol, trailingSymbol, options3);
    const errorMsg = renderError3(state, figures2.pointerSmall);
    const offset = state.cursor - state.value.length;
    return promptMsg.pipe(cat2(errorMsg), cat2(cursorMove3(offset)), optimize2(Deep), render2({
      style: "pretty",
      options: {
        lineWidth: columns
      }
    }));
  });
}
function renderSubmission5(state, options3) {
  return gen(function* () {
    const terminal = yield* Terminal;
    const columns = yield* terminal.columns;
    const figures2 = yield* figures;
    const leadingSymbol = annotate2(figures2.tick, green3);
    const trailingSymbol = annotate2(figures2.ellipsis, blackBright2);
    const promptMsg = renderOutput4(state, leadingSymbol, trailingSymbol, options3, true);
    return promptMsg.pipe(cat2(hardLine2), optimize2(Deep), render2({
      style: "pretty",
      options: {
        lineWidth: columns
      }
    }));
  });
}
function processBackspace2(state) {
  if (state.cursor <= 0) {
    return succeed(Action.Beep());
  }
  const beforeCursor = state.value.slice(0, state.cursor - 1);
  const afterCursor = state.value.slice(state.cursor);
  const cursor = state.cursor - 1;
  const value2 = `${beforeCursor}${afterCursor}`;
  return succeed(Action.NextFrame({
    state: {
      ...state,
      cursor,
      value: value2,
      error: none()
    }
  }));
}
function processCursorLeft2(state) {
  if (state.cursor <= 0) {
    return succeed(Action.Beep());
  }
  const cursor = state.cursor - 1;
  return succeed(Action.NextFrame({
    state: {
      ...state,
      cursor,
      error: none()
    }
  }));
}
function processCursorRight2(state) {
  if (state.cursor >= state.value.length) {
    return succeed(Action.Beep());
  }
  const cursor = Math.min(state.cursor + 1, state.value.length);
  return succeed(Action.NextFrame({
    state: {
      ...state,
      cursor,
      error: none()
    }
  }));
}
function processTab(state, options3) {
  if (state.value === options3.default) {
    return succeed(Action.Beep());
  }
  const value2 = getValue(state, options3);
  const cursor = value2.length;
  return succeed(Action.NextFrame({
    state: {
      ...state,
      value: value2,
      cursor,
      error: none()
    }
  }));
}
function defaultProcessor2(input, state) {
  const beforeCursor = state.value.slice(0, state.cursor);
  const afterCursor = state.value.slice(state.cursor);
  const value2 = `${beforeCursor}${input}${afterCursor}`;
  const cursor = state.cursor + input.length;
  return succeed(Action.NextFrame({
    state: {
      ...state,
      cursor,
      value: value2,
      error: none()
    }
  }));
}
var initialState2 = {
  cursor: 0,
  value: "",
  error: /* @__PURE__ */ none()
};
function handleRender4(options3) {
  return (state, action) => {
    return Action.$match(action, {
      Beep: () => succeed(renderBeep5),
      NextFrame: ({
        state: state2
      }) => renderNextFrame5(state2, options3),
      Submit: () => renderSubmission5(state, options3)
    });
  };
}
function handleProcess4(options3) {
  return (input, state) => {
    switch (input.key.name) {
      case "backspace": {
        return processBackspace2(state);
      }
      case "left": {
        return processCursorLeft2(state);
      }
      case "right": {
        return processCursorRight2(state);
      }
      case "enter":
      case "return": {
        const value2 = getValue(state, options3);
        return match3(options3.validate(value2), {
          onFailure: (error3) => Action.NextFrame({
            state: {
              ...state,
              value: value2,
              error: some(error3)
            }
          }),
          onSuccess: (value3) => Action.Submit({
            value: value3
          })
        });
      }
      case "tab": {
        return processTab(state, options3);
      }
      default: {
        const value2 = getOrElse(input.input, () => "");
        return defaultProcessor2(value2, state);
      }
    }
  };
}
function handleClear5(options3) {
  return (state, _) => {
    return renderClearScreen(state, options3);
  };
}
function basePrompt(options3, type) {
  const opts = {
    default: "",
    type,
    validate: succeed,
    ...options3
  };
  return custom(initialState2, {
    render: handleRender4(opts),
    process: handleProcess4(opts),
    clear: handleClear5(opts)
  });
}
var hidden = (options3) => basePrompt(options3, "hidden").pipe(map8(make4));
var text5 = (options3) => basePrompt(options3, "text");

// node_modules/@effect/cli/dist/esm/internal/prompt/toggle.js
var renderBeep6 = /* @__PURE__ */ render2(beep3, {
  style: "pretty"
});
function handleClear6(options3) {
  return gen(function* () {
    const terminal = yield* Terminal;
    const columns = yield* terminal.columns;
    const clearPrompt = cat2(eraseLine3, cursorLeft3);
    const clearOutput = eraseText(options3.message, columns);
    return clearOutput.pipe(cat2(clearPrompt), optimize2(Deep), render2({
      style: "pretty",
      options: {
        lineWidth: columns
      }
    }));
  });
}
function renderToggle(value2, options3, submitted = false) {
  const separator = annotate2(char3("/"), blackBright2);
  const selectedAnnotation = combine3(underlined2, submitted ? white3 : cyanBright2);
  const inactive = value2 ? text3(options3.inactive) : annotate2(text3(options3.inactive), selectedAnnotation);
  const active = value2 ? annotate2(text3(options3.active), selectedAnnotation) : text3(options3.active);
  return hsep2([active, separator, inactive]);
}
function renderOutput5(toggle2, leadingSymbol, trailingSymbol, options3) {
  const annotateLine = (line4) => annotate2(text3(line4), bold2);
  const promptLines = options3.message.split(/\r?\n/);
  const prefix = cat2(leadingSymbol, space2);
  if (isNonEmptyReadonlyArray(promptLines)) {
    const lines2 = map2(promptLines, (line4) => annotateLine(line4));
    return prefix.pipe(cat2(nest2(vsep2(lines2), 2)), cat2(space2), cat2(trailingSymbol), cat2(space2), cat2(toggle2));
  }
  return hsep2([prefix, trailingSymbol, toggle2]);
}
function renderNextFrame6(state, options3) {
  return gen(function* () {
    const terminal = yield* Terminal;
    const figures2 = yield* figures;
    const columns = yield* terminal.columns;
    const leadingSymbol = annotate2(text3("?"), cyanBright2);
    const trailingSymbol = annotate2(figures2.pointerSmall, blackBright2);
    const toggle2 = renderToggle(state, options3);
    const promptMsg = renderOutput5(toggle2, leadingSymbol, trailingSymbol, options3);
    return cursorHide3.pipe(cat2(promptMsg), optimize2(Deep), render2({
      style: "pretty",
      options: {
        lineWidth: columns
      }
    }));
  });
}
function renderSubmission6(value2, options3) {
  return gen(function* () {
    const terminal = yield* Terminal;
    const figures2 = yield* figures;
    const columns = yield* terminal.columns;
    const leadingSymbol = annotate2(figures2.tick, green3);
    const trailingSymbol = annotate2(figures2.ellipsis, blackBright2);
    const toggle2 = renderToggle(value2, options3, true);
    const promptMsg = renderOutput5(toggle2, leadingSymbol, trailingSymbol, options3);
    return promptMsg.pipe(cat2(hardLine2), optimize2(Deep), render2({
      style: "pretty",
      options: {
        lineWidth: columns
      }
    }));
  });
}
var activate = /* @__PURE__ */ succeed(/* @__PURE__ */ Action.NextFrame({
  state: true
}));
var deactivate = /* @__PURE__ */ succeed(/* @__PURE__ */ Action.NextFrame({
  state: false
}));
function handleRender5(options3) {
  return (state, action) => {
    switch (action._tag) {
      case "Beep": {
        return succeed(renderBeep6);
      }
      case "NextFrame": {
        return renderNextFrame6(state, options3);
      }
      case "Submit": {
        return renderSubmission6(state, options3);
      }
    }
  };
}
function handleProcess5(input, state) {
  switch (input.key.name) {
    case "0":
    case "j":
    case "delete":
    case "right":
    case "down": {
      return deactivate;
    }
    case "1":
    case "k":
    case "left":
    case "up": {
      return activate;
    }
    case " ":
    case "tab": {
      return state ? deactivate : activate;
    }
    case "enter":
    case "return": {
      return succeed(Action.Submit({
        value: state
      }));
    }
    default: {
      return succeed(Action.Beep());
    }
  }
}
var toggle = (options3) => {
  const opts = {
    initial: false,
    active: "on",
    inactive: "off",
    ...options3
  };
  return custom(opts.initial, {
    render: handleRender5(opts),
    process: handleProcess5,
    clear: () => handleClear6(opts)
  });
};

// node_modules/@effect/cli/dist/esm/internal/primitive.js
var PrimitiveSymbolKey = "@effect/cli/Primitive";
var PrimitiveTypeId = /* @__PURE__ */ Symbol.for(PrimitiveSymbolKey);
var proto6 = {
  [PrimitiveTypeId]: {
    _A: (_) => _
  },
  pipe() {
    return pipeArguments(this, arguments);
  }
};
var isPrimitive = (u) => typeof u === "object" && u != null && PrimitiveTypeId in u;
var isBool = (self) => isPrimitive(self) && isBoolType(self);
var isBoolType = (self) => self._tag === "Bool";
var trueValues = /* @__PURE__ */ Literal("true", "1", "y", "yes", "on");
var isTrueValue = /* @__PURE__ */ is(trueValues);
var falseValues = /* @__PURE__ */ Literal("false", "0", "n", "no", "off");
var isFalseValue = /* @__PURE__ */ is(falseValues);
var boolean2 = (defaultValue) => {
  const op = Object.create(proto6);
  op._tag = "Bool";
  op.defaultValue = defaultValue;
  return op;
};
var choice = (alternatives) => {
  const op = Object.create(proto6);
  op._tag = "Choice";
  op.alternatives = alternatives;
  return op;
};
var date2 = /* @__PURE__ */ (() => {
  const op = /* @__PURE__ */ Object.create(proto6);
  op._tag = "DateTime";
  return op;
})();
var float2 = /* @__PURE__ */ (() => {
  const op = /* @__PURE__ */ Object.create(proto6);
  op._tag = "Float";
  return op;
})();
var integer2 = /* @__PURE__ */ (() => {
  const op = /* @__PURE__ */ Object.create(proto6);
  op._tag = "Integer";
  return op;
})();
var path = (pathType, pathExists) => {
  const op = Object.create(proto6);
  op._tag = "Path";
  op.pathType = pathType;
  op.pathExists = pathExists;
  return op;
};
var redacted = /* @__PURE__ */ (() => {
  const op = /* @__PURE__ */ Object.create(proto6);
  op._tag = "Redacted";
  return op;
})();
var secret = /* @__PURE__ */ (() => {
  const op = /* @__PURE__ */ Object.create(proto6);
  op._tag = "Secret";
  return op;
})();
var text6 = /* @__PURE__ */ (() => {
  const op = /* @__PURE__ */ Object.create(proto6);
  op._tag = "Text";
  return op;
})();
var getChoices = (self) => getChoicesInternal(self);
var getHelp = (self) => getHelpInternal(self);
var getTypeName = (self) => getTypeNameInternal(self);
var validate = /* @__PURE__ */ dual(3, (self, value2, config2) => validateInternal(self, value2, config2));
var wizard = /* @__PURE__ */ dual(2, (self, help) => wizardInternal(self, help));
var getChoicesInternal = (self) => {
  switch (self._tag) {
    case "Bool": {
      return some("true | false");
    }
    case "Choice": {
      const choices = pipe(map2(self.alternatives, ([choice6]) => choice6), join(" | "));
      return some(choices);
    }
    case "DateTime": {
      return some("date");
    }
    case "Float":
    case "Integer":
    case "Path":
    case "Redacted":
    case "Secret":
    case "Text": {
      return none();
    }
  }
};
var getHelpInternal = (self) => {
  switch (self._tag) {
    case "Bool": {
      return text4("A true or false value.");
    }
    case "Choice": {
      const choices = pipe(map2(self.alternatives, ([choice6]) => choice6), join(", "));
      return text4(`One of the following: ${choices}`);
    }
    case "DateTime": {
      return text4("A date without a time-zone in the ISO-8601 format, such as 2007-12-03T10:15:30.");
    }
    case "Float": {
      return text4("A floating point number.");
    }
    case "Integer": {
      return text4("An integer.");
    }
    case "Path": {
      if (self.pathType === "either" && self.pathExists === "yes") {
        return text4("An existing file or directory.");
      }
      if (self.pathType === "file" && self.pathExists === "yes") {
        return text4("An existing file.");
      }
      if (self.pathType === "directory" && self.pathExists === "yes") {
        return text4("An existing directory.");
      }
      if (self.pathType === "either" && self.pathExists === "no") {
        return text4("A file or directory that must not exist.");
      }
      if (self.pathType === "file" && self.pathExists === "no") {
        return text4("A file that must not exist.");
      }
      if (self.pathType === "directory" && self.pathExists === "no") {
        return text4("A directory that must not exist.");
      }
      if (self.pathType === "either" && self.pathExists === "either") {
        return text4("A file or directory.");
      }
      if (self.pathType === "file" && self.pathExists === "either") {
        return text4("A file.");
      }
      if (self.pathType === "directory" && self.pathExists === "either") {
        return text4("A directory.");
      }
      throw new Error(`[BUG]: Path.help - encountered invalid combination of path type ('${self.pathType}') and path existence ('${self.pathExists}')`);
    }
    case "Secret":
    case "Redacted": {
      return text4("A user-defined piece of text that is confidential.");
    }
    case "Text": {
      return text4("A user-defined piece of text.");
    }
  }
};
var getTypeNameInternal = (self) => {
  switch (self._tag) {
    case "Bool": {
      return "boolean";
    }
    case "Choice": {
      return "choice";
    }
    case "DateTime": {
      return "date";
    }
    case "Float": {
      return "float";
    }
    case "Integer": {
      return "integer";
    }
    case "Path": {
      if (self.pathType === "either") {
        return "path";
      }
      return self.pathType;
    }
    case "Redacted": {
      return "redacted";
    }
    case "Secret": {
      return "secret";
    }
    case "Text": {
      return "text";
    }
  }
};
var validateInternal = (self, value2, config2) => {
  switch (self._tag) {
    case "Bool": {
      return map(value2, (str) => normalizeCase(config2, str)).pipe(match({
        onNone: () => orElseFail(self.defaultValue, () => `Missing default value for boolean parameter`),
        onSome: (value3) => isTrueValue(value3) ? succeed(true) : isFalseValue(value3) ? succeed(false) : fail(`Unable to recognize '${value3}' as a valid boolean`)
      }));
    }
    case "Choice": {
      return orElseFail(value2, () => `Choice options to not have a default value`).pipe(flatMap3((value3) => findFirst(self.alternatives, ([choice6]) => choice6 === value3)), mapBoth({
        onFailure: () => {
          const choices = pipe(map2(self.alternatives, ([choice6]) => choice6), join(", "));
          return `Expected one of the following cases: ${choices}`;
        },
        onSuccess: ([, value3]) => value3
      }));
    }
    case "DateTime": {
      return attempt(value2, getTypeNameInternal(self), decodeUnknown(Date$));
    }
    case "Float": {
      return attempt(value2, getTypeNameInternal(self), decodeUnknown(NumberFromString));
    }
    case "Integer": {
      const intFromString = compose(NumberFromString, Int);
      return attempt(value2, getTypeNameInternal(self), decodeUnknown(intFromString));
    }
    case "Path": {
      return flatMap3(FileSystem, (fileSystem) => {
        const errorMsg = "Path options do not have a default value";
        return orElseFail(value2, () => errorMsg).pipe(tap((path4) => orDie(fileSystem.exists(path4)).pipe(tap((pathExists) => validatePathExistence(path4, self.pathExists, pathExists).pipe(zipRight(validatePathType(path4, self.pathType, fileSystem).pipe(when(() => self.pathExists !== "no" && pathExists))))))));
      });
    }
    case "Redacted": {
      return attempt(value2, getTypeNameInternal(self), decodeUnknown(String$)).pipe(map3((value3) => make4(value3)));
    }
    case "Secret": {
      return attempt(value2, getTypeNameInternal(self), decodeUnknown(String$)).pipe(map3((value3) => fromString(value3)));
    }
    case "Text": {
      return attempt(value2, getTypeNameInternal(self), decodeUnknown(String$));
    }
  }
};
var attempt = (option, typeName, parse8) => orElseFail(option, () => `${typeName} options do not have a default value`).pipe(flatMap3((value2) => orElseFail(parse8(value2), () => `'${value2}' is not a ${typeName}`)));
var validatePathExistence = (path4, shouldPathExist, pathExists) => {
  if (shouldPathExist === "no" && pathExists) {
    return fail(`Path '${path4}' must not exist`);
  }
  if (shouldPathExist === "yes" && !pathExists) {
    return fail(`Path '${path4}' must exist`);
  }
  return _void;
};
var validatePathType = (path4, pathType, fileSystem) => {
  switch (pathType) {
    case "file": {
      const checkIsFile = fileSystem.stat(path4).pipe(map3((info) => info.type === "File"), orDie);
      return fail(`Expected path '${path4}' to be a regular file`).pipe(unlessEffect(checkIsFile), asVoid);
    }
    case "directory": {
      const checkIsDirectory = fileSystem.stat(path4).pipe(map3((info) => info.type === "Directory"), orDie);
      return fail(`Expected path '${path4}' to be a directory`).pipe(unlessEffect(checkIsDirectory), asVoid);
    }
    case "either": {
      return _void;
    }
  }
};
var wizardInternal = (self, help) => {
  switch (self._tag) {
    case "Bool": {
      const primitiveHelp = p("Select true or false");
      const message = sequence(help, primitiveHelp);
      const initial = getOrElse(self.defaultValue, () => false);
      return toggle({
        message: toAnsiText(message).trimEnd(),
        initial,
        active: "true",
        inactive: "false"
      }).pipe(map8((bool) => `${bool}`));
    }
    case "Choice": {
      const primitiveHelp = p("Select one of the following choices");
      const message = sequence(help, primitiveHelp);
      return select({
        message: toAnsiText(message).trimEnd(),
        choices: map2(self.alternatives, ([title]) => ({
          title,
          value: title
        }))
      });
    }
    case "DateTime": {
      const primitiveHelp = p("Enter a date");
      const message = sequence(help, primitiveHelp);
      return date({
        message: toAnsiText(message).trimEnd()
      }).pipe(map8((date7) => date7.toISOString()));
    }
    case "Float": {
      const primitiveHelp = p("Enter a floating point value");
      const message = sequence(help, primitiveHelp);
      return float({
        message: toAnsiText(message).trimEnd()
      }).pipe(map8((value2) => `${value2}`));
    }
    case "Integer": {
      const primitiveHelp = p("Enter an integer");
      const message = sequence(help, primitiveHelp);
      return integer({
        message: toAnsiText(message).trimEnd()
      }).pipe(map8((value2) => `${value2}`));
    }
    case "Path": {
      const primitiveHelp = p("Select a file system path");
      const message = sequence(help, primitiveHelp);
      return file({
        type: self.pathType,
        message: toAnsiText(message).trimEnd()
      });
    }
    case "Redacted": {
      const primitiveHelp = p("Enter some text (value will be redacted)");
      const message = sequence(help, primitiveHelp);
      return hidden({
        message: toAnsiText(message).trimEnd()
      });
    }
    case "Secret": {
      const primitiveHelp = p("Enter some text (value will be redacted)");
      const message = sequence(help, primitiveHelp);
      return hidden({
        message: toAnsiText(message).trimEnd()
      });
    }
    case "Text": {
      const primitiveHelp = p("Enter some text");
      const message = sequence(help, primitiveHelp);
      return text5({
        message: toAnsiText(message).trimEnd()
      });
    }
  }
};
var getBashCompletions = (self) => {
  switch (self._tag) {
    case "Bool": {
      return '"${cur}"';
    }
    case "DateTime":
    case "Float":
    case "Integer":
    case "Secret":
    case "Redacted":
    case "Text": {
      return '$(compgen -f "${cur}")';
    }
    case "Path": {
      switch (self.pathType) {
        case "file": {
          return self.pathExists === "yes" || self.pathExists === "either" ? '$(compgen -f "${cur}")' : "";
        }
        case "directory": {
          return self.pathExists === "yes" || self.pathExists === "either" ? '$(compgen -d "${cur}")' : "";
        }
        case "either": {
          return self.pathExists === "yes" || self.pathExists === "either" ? '$(compgen -f "${cur}")' : "";
        }
      }
    }
    case "Choice": {
      const choices = pipe(map2(self.alternatives, ([choice6]) => choice6), join(","));
      return `$(compgen -W "${choices}" -- "\${cur}")`;
    }
  }
};
var getFishCompletions = (self) => {
  switch (self._tag) {
    case "Bool": {
      return empty();
    }
    case "DateTime":
    case "Float":
    case "Integer":
    case "Redacted":
    case "Secret":
    case "Text": {
      return make("-r", "-f");
    }
    case "Path": {
      switch (self.pathType) {
        case "file": {
          return self.pathExists === "yes" || self.pathExists === "either" ? make("-r", "-F") : make("-r");
        }
        case "directory": {
          return self.pathExists === "yes" || self.pathExists === "either" ? make("-r", "-f", "-a", `"(__fish_complete_directories (commandline -ct))"`) : make("-r");
        }
        case "either": {
          return self.pathExists === "yes" || self.pathExists === "either" ? make("-r", "-F") : make("-r");
        }
      }
    }
    case "Choice": {
      const choices = pipe(map2(self.alternatives, ([choice6]) => `${choice6}''`), join(","));
      return make("-r", "-f", "-a", `"{${choices}}"`);
    }
  }
};
var getZshCompletions = (self) => {
  switch (self._tag) {
    case "Bool": {
      return "";
    }
    case "Choice": {
      const choices = pipe(map2(self.alternatives, ([name]) => name), join(" "));
      return `:CHOICE:(${choices})`;
    }
    case "DateTime": {
      return "";
    }
    case "Float": {
      return "";
    }
    case "Integer": {
      return "";
    }
    case "Path": {
      switch (self.pathType) {
        case "file": {
          return self.pathExists === "yes" || self.pathExists === "either" ? ":PATH:_files" : "";
        }
        case "directory": {
          return self.pathExists === "yes" || self.pathExists === "either" ? ":PATH:_files -/" : "";
        }
        case "either": {
          return self.pathExists === "yes" || self.pathExists === "either" ? ":PATH:_files" : "";
        }
      }
    }
    case "Redacted":
    case "Secret":
    case "Text": {
      return "";
    }
  }
};

// node_modules/@effect/cli/dist/esm/internal/usage.js
var empty8 = {
  _tag: "Empty"
};
var mixed = {
  _tag: "Empty"
};
var named = (names, acceptedValues) => ({
  _tag: "Named",
  names,
  acceptedValues
});
var optional = (self) => ({
  _tag: "Optional",
  usage: self
});
var repeated = (self) => ({
  _tag: "Repeated",
  usage: self
});
var alternation = /* @__PURE__ */ dual(2, (self, that) => ({
  _tag: "Alternation",
  left: self,
  right: that
}));
var concat2 = /* @__PURE__ */ dual(2, (self, that) => ({
  _tag: "Concat",
  left: self,
  right: that
}));
var getHelp2 = (self) => {
  const spans2 = enumerate(self, defaultConfig);
  if (isNonEmptyReadonlyArray(spans2)) {
    const head2 = headNonEmpty(spans2);
    const tail = tailNonEmpty(spans2);
    if (isNonEmptyReadonlyArray(tail)) {
      return pipe(map2(spans2, (span2) => p(span2)), reduceRight(empty7, (left2, right2) => sequence(left2, right2)));
    }
    return p(head2);
  }
  return empty7;
};
var enumerate = /* @__PURE__ */ dual(2, (self, config2) => render3(simplify(self, config2), config2));
var simplify = (self, config2) => {
  switch (self._tag) {
    case "Empty": {
      return empty8;
    }
    case "Mixed": {
      return mixed;
    }
    case "Named": {
      if (isNone(head(render3(self, config2)))) {
        return empty8;
      }
      return self;
    }
    case "Optional": {
      if (self.usage._tag === "Empty") {
        return empty8;
      }
      const usage = simplify(self.usage, config2);
      return usage._tag === "Empty" ? empty8 : usage._tag === "Optional" ? usage : optional(usage);
    }
    case "Repeated": {
      const usage = simplify(self.usage, config2);
      return usage._tag === "Empty" ? empty8 : repeated(usage);
    }
    case "Alternation": {
      const leftUsage = simplify(self.left, config2);
      const rightUsage = simplify(self.right, config2);
      return leftUsage._tag === "Empty" ? rightUsage : rightUsage._tag === "Empty" ? leftUsage : alternation(leftUsage, rightUsage);
    }
    case "Concat": {
      const leftUsage = simplify(self.left, config2);
      const rightUsage = simplify(self.right, config2);
      return leftUsage._tag === "Empty" ? rightUsage : rightUsage._tag === "Empty" ? leftUsage : concat2(leftUsage, rightUsage);
    }
  }
};
var render3 = (self, config2) => {
  switch (self._tag) {
    case "Empty": {
      return of(text4(""));
    }
    case "Mixed": {
      return of(text4("<command>"));
    }
    case "Named": {
      const typeInfo = config2.showTypes ? match(self.acceptedValues, {
        onNone: () => empty6,
        onSome: (s) => concat(space3, text4(s))
      }) : empty6;
      const namesToShow = config2.showAllNames ? self.names : self.names.length > 1 ? pipe(filter(self.names, (name) => name.startsWith("--")), head, map(of), getOrElse(() => self.names)) : self.names;
      const nameInfo = text4(join(namesToShow, ", "));
      return config2.showAllNames && self.names.length > 1 ? of(spans([text4("("), nameInfo, typeInfo, text4(")")])) : of(concat(nameInfo, typeInfo));
    }
    case "Optional": {
      return map2(render3(self.usage, config2), (span2) => spans([text4("["), span2, text4("]")]));
    }
    case "Repeated": {
      return map2(render3(self.usage, config2), (span2) => concat(span2, text4("...")));
    }
    case "Alternation": {
      if (self.left._tag === "Repeated" || self.right._tag === "Repeated" || self.left._tag === "Concat" || self.right._tag === "Concat") {
        return appendAll(render3(self.left, config2), render3(self.right, config2));
      }
      return flatMap2(render3(self.left, config2), (left2) => map2(render3(self.right, config2), (right2) => spans([left2, text4("|"), right2])));
    }
    case "Concat": {
      const leftSpan = render3(self.left, config2);
      const rightSpan = render3(self.right, config2);
      const separator = isNonEmptyReadonlyArray(leftSpan) && isNonEmptyReadonlyArray(rightSpan) ? space3 : empty6;
      return flatMap2(leftSpan, (left2) => map2(rightSpan, (right2) => spans([left2, separator, right2])));
    }
  }
};

// node_modules/@effect/cli/dist/esm/internal/validationError.js
var ValidationErrorSymbolKey = "@effect/cli/ValidationError";
var ValidationErrorTypeId = /* @__PURE__ */ Symbol.for(ValidationErrorSymbolKey);
var proto7 = {
  [ValidationErrorTypeId]: ValidationErrorTypeId
};
var isValidationError = (u) => typeof u === "object" && u != null && ValidationErrorTypeId in u;
var isCommandMismatch = (self) => self._tag === "CommandMismatch";
var isCorrectedFlag = (self) => self._tag === "CorrectedFlag";
var isHelpRequested = (self) => self._tag === "HelpRequested";
var isInvalidArgument = (self) => self._tag === "InvalidArgument";
var isInvalidValue = (self) => self._tag === "InvalidValue";
var isMultipleValuesDetected = (self) => self._tag === "MultipleValuesDetected";
var isMissingFlag = (self) => self._tag === "MissingFlag";
var isMissingValue = (self) => self._tag === "MissingValue";
var isMissingSubcommand = (self) => self._tag === "MissingSubcommand";
var isNoBuiltInMatch = (self) => self._tag === "NoBuiltInMatch";
var isUnclusteredFlag = (self) => self._tag === "UnclusteredFlag";
var commandMismatch = (error3) => {
  const op = Object.create(proto7);
  op._tag = "CommandMismatch";
  op.error = error3;
  return op;
};
var correctedFlag = (error3) => {
  const op = Object.create(proto7);
  op._tag = "CorrectedFlag";
  op.error = error3;
  return op;
};
var invalidArgument = (error3) => {
  const op = Object.create(proto7);
  op._tag = "InvalidArgument";
  op.error = error3;
  return op;
};
var invalidValue = (error3) => {
  const op = Object.create(proto7);
  op._tag = "InvalidValue";
  op.error = error3;
  return op;
};
var missingFlag = (error3) => {
  const op = Object.create(proto7);
  op._tag = "MissingFlag";
  op.error = error3;
  return op;
};
var missingValue = (error3) => {
  const op = Object.create(proto7);
  op._tag = "MissingValue";
  op.error = error3;
  return op;
};
var missingSubcommand = (error3) => {
  const op = Object.create(proto7);
  op._tag = "MissingSubcommand";
  op.error = error3;
  return op;
};
var multipleValuesDetected = (error3, values) => {
  const op = Object.create(proto7);
  op._tag = "MultipleValuesDetected";
  op.error = error3;
  op.values = values;
  return op;
};
var noBuiltInMatch = (error3) => {
  const op = Object.create(proto7);
  op._tag = "NoBuiltInMatch";
  op.error = error3;
  return op;
};
var unclusteredFlag = (error3, unclustered, rest) => {
  const op = Object.create(proto7);
  op._tag = "UnclusteredFlag";
  op.error = error3;
  op.unclustered = unclustered;
  op.rest = rest;
  return op;
};

// node_modules/@effect/cli/dist/esm/internal/args.js
var ArgsSymbolKey = "@effect/cli/Args";
var ArgsTypeId = /* @__PURE__ */ Symbol.for(ArgsSymbolKey);
var proto8 = {
  [ArgsTypeId]: {
    _A: (_) => _
  },
  pipe() {
    return pipeArguments(this, arguments);
  }
};
var isArgs = (u) => typeof u === "object" && u != null && ArgsTypeId in u;
var isInstruction = (self) => self;
var isEmpty6 = (self) => self._tag === "Empty";
var isWithDefault = (self) => self._tag === "WithDefault";
var all = function() {
  if (arguments.length === 1) {
    if (isArgs(arguments[0])) {
      return map9(arguments[0], (x) => [x]);
    } else if (isArray(arguments[0])) {
      return allTupled(arguments[0]);
    } else {
      const entries = Object.entries(arguments[0]);
      let result = map9(entries[0][1], (value2) => ({
        [entries[0][0]]: value2
      }));
      if (entries.length === 1) {
        return result;
      }
      const rest = entries.slice(1);
      for (const [key, options3] of rest) {
        result = map9(makeBoth(result, options3), ([record, value2]) => ({
          ...record,
          [key]: value2
        }));
      }
      return result;
    }
  }
  return allTupled(arguments[0]);
};
var boolean3 = (config2) => makeSingle(fromNullable(config2?.name), boolean2(none()));
var choice2 = (choices, config2) => makeSingle(fromNullable(config2?.name), choice(choices));
var date3 = (config2) => makeSingle(fromNullable(config2?.name), date2);
var directory = (config2) => makeSingle(fromNullable(config2?.name), path("directory", config2?.exists || "either"));
var file2 = (config2) => makeSingle(fromNullable(config2?.name), path("file", config2?.exists || "either"));
var fileContent = (config2) => mapEffect(file2({
  ...config2,
  exists: "yes"
}), (path4) => mapError(read(path4), (e) => p(e)));
var fileParse = (config2) => mapEffect(fileText(config2), ([path4, content]) => mapError(parse4(path4, content, config2?.format), (e) => p(e)));
var fileSchema = (schema, config2) => withSchema(fileParse(config2), schema);
var fileText = (config2) => mapEffect(file2({
  ...config2,
  exists: "yes"
}), (path4) => mapError(readString(path4), (e) => p(e)));
var float3 = (config2) => makeSingle(fromNullable(config2?.name), float2);
var integer3 = (config2) => makeSingle(fromNullable(config2?.name), integer2);
var none3 = /* @__PURE__ */ (() => {
  const op = /* @__PURE__ */ Object.create(proto8);
  op._tag = "Empty";
  return op;
})();
var path2 = (config2) => makeSingle(fromNullable(config2?.name), path("either", config2?.exists || "either"));
var redacted2 = (config2) => makeSingle(fromNullable(config2?.name), redacted);
var secret2 = (config2) => makeSingle(fromNullable(config2?.name), secret);
var text7 = (config2) => makeSingle(fromNullable(config2?.name), text6);
var atLeast = /* @__PURE__ */ dual(2, (self, times) => makeVariadic(self, some(times), none()));
var atMost = /* @__PURE__ */ dual(2, (self, times) => makeVariadic(self, none(), some(times)));
var between = /* @__PURE__ */ dual(3, (self, min2, max2) => makeVariadic(self, some(min2), some(max2)));
var getHelp3 = (self) => getHelpInternal2(self);
var getIdentifier = (self) => getIdentifierInternal(self);
var getMinSize = (self) => getMinSizeInternal(self);
var getMaxSize = (self) => getMaxSizeInternal(self);
var getUsage = (self) => getUsageInternal(self);
var map9 = /* @__PURE__ */ dual(2, (self, f) => mapEffect(self, (a) => succeed(f(a))));
var mapEffect = /* @__PURE__ */ dual(2, (self, f) => makeMap(self, f));
var mapTryCatch = /* @__PURE__ */ dual(3, (self, f, onError) => mapEffect(self, (a) => {
  try {
    return right(f(a));
  } catch (e) {
    return left(onError(e));
  }
}));
var optional2 = (self) => makeWithDefault(map9(self, some), none());
var repeated2 = (self) => makeVariadic(self, none(), none());
var validate2 = /* @__PURE__ */ dual(3, (self, args, config2) => validateInternal2(self, args, config2));
var withDefault = /* @__PURE__ */ dual(2, (self, fallback) => makeWithDefault(self, fallback));
var withFallbackConfig = /* @__PURE__ */ dual(2, (self, config2) => {
  if (isInstruction(self) && isWithDefault(self)) {
    return makeWithDefault(withFallbackConfig(self.args, config2), self.fallback);
  }
  return makeWithFallbackConfig(self, config2);
});
var withSchema = /* @__PURE__ */ dual(2, (self, schema) => {
  const decode2 = decode(schema);
  return mapEffect(self, (_) => mapError(decode2(_), (issue) => p(TreeFormatter.formatIssueSync(issue))));
});
var withDescription = /* @__PURE__ */ dual(2, (self, description) => withDescriptionInternal(self, description));
var wizard2 = /* @__PURE__ */ dual(2, (self, config2) => wizardInternal2(self, config2));
var allTupled = (arg) => {
  if (arg.length === 0) {
    return none3;
  }
  if (arg.length === 1) {
    return map9(arg[0], (x) => [x]);
  }
  let result = map9(arg[0], (x) => [x]);
  for (let i = 1; i < arg.length; i++) {
    const curr = arg[i];
    result = map9(makeBoth(result, curr), ([a, b]) => [...a, b]);
  }
  return result;
};
var getHelpInternal2 = (self) => {
  switch (self._tag) {
    case "Empty": {
      return empty7;
    }
    case "Single": {
      return descriptionList([[weak(self.name), sequence(p(getHelp(self.primitiveType)), self.description)]]);
    }
    case "Map": {
      return getHelpInternal2(self.args);
    }
    case "Both": {
      return sequence(getHelpInternal2(self.left), getHelpInternal2(self.right));
    }
    case "Variadic": {
      const help = getHelpInternal2(self.args);
      return mapDescriptionList(help, (oldSpan, oldBlock) => {
        const min2 = getMinSizeInternal(self);
        const max2 = getMaxSizeInternal(self);
        const newSpan = text4(isSome(self.max) ? ` ${min2} - ${max2}` : min2 === 0 ? "..." : ` ${min2}+`);
        const newBlock = p(isSome(self.max) ? `This argument must be repeated at least ${min2} times and may be repeated up to ${max2} times.` : min2 === 0 ? "This argument may be repeated zero or more times." : `This argument must be repeated at least ${min2} times.`);
        return [concat(oldSpan, newSpan), sequence(oldBlock, newBlock)];
      });
    }
    case "WithDefault": {
      return mapDescriptionList(getHelpInternal2(self.args), (span2, block) => {
        const optionalDescription = isOption(self.fallback) ? match(self.fallback, {
          onNone: () => p("This setting is optional."),
          onSome: (fallbackValue) => {
            const inspectableValue = isObject(fallbackValue) ? fallbackValue : String(fallbackValue);
            const displayValue = toStringUnknown(inspectableValue, 0);
            return p(`This setting is optional. Defaults to: ${displayValue}`);
          }
        }) : p("This setting is optional.");
        return [span2, sequence(block, optionalDescription)];
      });
    }
    case "WithFallbackConfig": {
      return mapDescriptionList(getHelpInternal2(self.args), (span2, block) => [span2, sequence(block, p("This argument can be set from environment variables."))]);
    }
  }
};
var getIdentifierInternal = (self) => {
  switch (self._tag) {
    case "Empty": {
      return none();
    }
    case "Single": {
      return some(self.name);
    }
    case "Map":
    case "Variadic":
    case "WithDefault":
    case "WithFallbackConfig": {
      return getIdentifierInternal(self.args);
    }
    case "Both": {
      const ids = getSomes([getIdentifierInternal(self.left), getIdentifierInternal(self.right)]);
      return match2(ids, {
        onEmpty: () => none(),
        onNonEmpty: (ids2) => some(join(ids2, ", "))
      });
    }
  }
};
var getMinSizeInternal = (self) => {
  switch (self._tag) {
    case "Empty":
    case "WithDefault":
    case "WithFallbackConfig": {
      return 0;
    }
    case "Single": {
      return 1;
    }
    case "Map": {
      return getMinSizeInternal(self.args);
    }
    case "Both": {
      const leftMinSize = getMinSizeInternal(self.left);
      const rightMinSize = getMinSizeInternal(self.right);
      return leftMinSize + rightMinSize;
    }
    case "Variadic": {
      const argsMinSize = getMinSizeInternal(self.args);
      return Math.floor(getOrElse(self.min, () => 0) * argsMinSize);
    }
  }
};
var getMaxSizeInternal = (self) => {
  switch (self._tag) {
    case "Empty": {
      return 0;
    }
    case "Single": {
      return 1;
    }
    case "Map":
    case "WithDefault":
    case "WithFallbackConfig": {
      return getMaxSizeInternal(self.args);
    }
    case "Both": {
      const leftMaxSize = getMaxSizeInternal(self.left);
      const rightMaxSize = getMaxSizeInternal(self.right);
      return leftMaxSize + rightMaxSize;
    }
    case "Variadic": {
      const argsMaxSize = getMaxSizeInternal(self.args);
      return Math.floor(getOrElse(self.max, () => Number.MAX_SAFE_INTEGER / 2) * argsMaxSize);
    }
  }
};
var getUsageInternal = (self) => {
  switch (self._tag) {
    case "Empty": {
      return empty8;
    }
    case "Single": {
      return named(of(self.name), getChoices(self.primitiveType));
    }
    case "Map": {
      return getUsageInternal(self.args);
    }
    case "Both": {
      return concat2(getUsageInternal(self.left), getUsageInternal(self.right));
    }
    case "Variadic": {
      return repeated(getUsageInternal(self.args));
    }
    case "WithDefault":
    case "WithFallbackConfig": {
      return optional(getUsageInternal(self.args));
    }
  }
};
var makeSingle = (pseudoName, primitiveType, description = empty7) => {
  const op = Object.create(proto8);
  op._tag = "Single";
  op.name = `<${getOrElse(pseudoName, () => getTypeName(primitiveType))}>`;
  op.pseudoName = pseudoName;
  op.primitiveType = primitiveType;
  op.description = description;
  return op;
};
var makeMap = (self, f) => {
  const op = Object.create(proto8);
  op._tag = "Map";
  op.args = self;
  op.f = f;
  return op;
};
var makeBoth = (left2, right2) => {
  const op = Object.create(proto8);
  op._tag = "Both";
  op.left = left2;
  op.right = right2;
  return op;
};
var makeWithDefault = (self, fallback) => {
  const op = Object.create(proto8);
  op._tag = "WithDefault";
  op.args = self;
  op.fallback = fallback;
  return op;
};
var makeWithFallbackConfig = (args, config2) => {
  const op = Object.create(proto8);
  op._tag = "WithFallbackConfig";
  op.args = args;
  op.config = config2;
  return op;
};
var makeVariadic = (args, min2, max2) => {
  const op = Object.create(proto8);
  op._tag = "Variadic";
  op.args = args;
  op.min = min2;
  op.max = max2;
  return op;
};
var validateInternal2 = (self, args, config2) => {
  switch (self._tag) {
    case "Empty": {
      return succeed([args, void 0]);
    }
    case "Single": {
      return suspend(() => {
        return matchLeft(args, {
          onEmpty: () => {
            const choices = getChoices(self.primitiveType);
            if (isSome(self.pseudoName) && isSome(choices)) {
              return fail(missingValue(p(`Missing argument <${self.pseudoName.value}> with choices ${choices.value}`)));
            }
            if (isSome(self.pseudoName)) {
              return fail(missingValue(p(`Missing argument <${self.pseudoName.value}>`)));
            }
            if (isSome(choices)) {
              return fail(missingValue(p(`Missing argument ${getTypeName(self.primitiveType)} with choices ${choices.value}`)));
            }
            return fail(missingValue(p(`Missing argument ${getTypeName(self.primitiveType)}`)));
          },
          onNonEmpty: (head2, tail) => validate(self.primitiveType, some(head2), config2).pipe(mapBoth({
            onFailure: (text12) => invalidArgument(p(text12)),
            onSuccess: (a) => [tail, a]
          }))
        });
      });
    }
    case "Map": {
      return validateInternal2(self.args, args, config2).pipe(flatMap3(([leftover, a]) => matchEffect(self.f(a), {
        onFailure: (doc) => fail(invalidArgument(doc)),
        onSuccess: (b) => succeed([leftover, b])
      })));
    }
    case "Both": {
      return validateInternal2(self.left, args, config2).pipe(flatMap3(([args2, a]) => validateInternal2(self.right, args2, config2).pipe(map3(([args3, b]) => [args3, [a, b]]))));
    }
    case "Variadic": {
      const min1 = getOrElse(self.min, () => 0);
      const max1 = getOrElse(self.max, () => Number.MAX_SAFE_INTEGER);
      const loop = (args2, acc) => {
        if (acc.length >= max1) {
          return succeed([args2, acc]);
        }
        return validateInternal2(self.args, args2, config2).pipe(matchEffect({
          onFailure: (failure) => acc.length >= min1 && isEmptyReadonlyArray(args2) ? succeed([args2, acc]) : fail(failure),
          onSuccess: ([args3, a]) => loop(args3, append(acc, a))
        }));
      };
      return loop(args, empty()).pipe(map3(([args2, acc]) => [args2, acc]));
    }
    case "WithDefault": {
      return validateInternal2(self.args, args, config2).pipe(catchTag("MissingValue", () => succeed([args, self.fallback])));
    }
    case "WithFallbackConfig": {
      return validateInternal2(self.args, args, config2).pipe(catchTag("MissingValue", (e) => map3(catchAll(self.config, (e2) => {
        if (isMissingDataOnly(e2)) {
          const help = p(String(e2));
          const error3 = invalidValue(help);
          return fail(error3);
        }
        return fail(e);
      }), (value2) => [args, value2])));
    }
  }
};
var withDescriptionInternal = (self, description) => {
  switch (self._tag) {
    case "Empty": {
      return none3;
    }
    case "Single": {
      const desc = sequence(self.description, p(description));
      return makeSingle(self.pseudoName, self.primitiveType, desc);
    }
    case "Map": {
      return makeMap(withDescriptionInternal(self.args, description), self.f);
    }
    case "Both": {
      return makeBoth(withDescriptionInternal(self.left, description), withDescriptionInternal(self.right, description));
    }
    case "Variadic": {
      return makeVariadic(withDescriptionInternal(self.args, description), self.min, self.max);
    }
    case "WithDefault": {
      return makeWithDefault(withDescriptionInternal(self.args, description), self.fallback);
    }
    case "WithFallbackConfig": {
      return makeWithFallbackConfig(withDescriptionInternal(self.args, description), self.config);
    }
  }
};
var wizardInternal2 = (self, config2) => {
  switch (self._tag) {
    case "Empty": {
      return succeed(empty());
    }
    case "Single": {
      const help = getHelpInternal2(self);
      return wizard(self.primitiveType, help).pipe(zipLeft(log()), flatMap3((input) => {
        const args = of(input);
        return validateInternal2(self, args, config2).pipe(as(args));
      }));
    }
    case "Map": {
      return wizardInternal2(self.args, config2).pipe(tap((args) => validateInternal2(self.args, args, config2)));
    }
    case "Both": {
      return zipWith(wizardInternal2(self.left, config2), wizardInternal2(self.right, config2), (left2, right2) => appendAll(left2, right2)).pipe(tap((args) => validateInternal2(self, args, config2)));
    }
    case "Variadic": {
      const repeatHelp = p("How many times should this argument should be repeated?");
      const message = pipe(getHelpInternal2(self), sequence(repeatHelp));
      return integer({
        message: toAnsiText(message).trimEnd(),
        min: getMinSizeInternal(self),
        max: getMaxSizeInternal(self)
      }).pipe(zipLeft(log()), flatMap3((n) => n <= 0 ? succeed(empty()) : make3(empty()).pipe(flatMap3((ref) => wizardInternal2(self.args, config2).pipe(flatMap3((args) => update(ref, appendAll(args))), repeatN(n - 1), zipRight(get2(ref)), tap((args) => validateInternal2(self, args, config2)))))));
    }
    case "WithDefault": {
      const defaultHelp = p(`This argument is optional - use the default?`);
      const message = pipe(getHelpInternal2(self.args), sequence(defaultHelp));
      return select({
        message: toAnsiText(message).trimEnd(),
        choices: [{
          title: `Default ['${JSON.stringify(self.fallback)}']`,
          value: true
        }, {
          title: "Custom",
          value: false
        }]
      }).pipe(zipLeft(log()), flatMap3((useFallback) => useFallback ? succeed(empty()) : wizardInternal2(self.args, config2)));
    }
    case "WithFallbackConfig": {
      const defaultHelp = p(`Try load this option from the environment?`);
      const message = pipe(getHelpInternal2(self.args), sequence(defaultHelp));
      return select({
        message: toAnsiText(message).trimEnd(),
        choices: [{
          title: `Use environment variables`,
          value: true
        }, {
          title: "Custom",
          value: false
        }]
      }).pipe(zipLeft(log()), flatMap3((useFallback) => useFallback ? succeed(empty()) : wizardInternal2(self.args, config2)));
    }
  }
};
var getShortDescription = (self) => {
  switch (self._tag) {
    case "Empty":
    case "Both": {
      return "";
    }
    case "Single": {
      return getText(getSpan(self.description));
    }
    case "Map":
    case "Variadic":
    case "WithDefault":
    case "WithFallbackConfig": {
      return getShortDescription(self.args);
    }
  }
};
var getFishCompletions2 = (self) => {
  switch (self._tag) {
    case "Empty": {
      return empty();
    }
    case "Single": {
      const description = getShortDescription(self);
      return pipe(getFishCompletions(self.primitiveType), appendAll(description.length === 0 ? empty() : of(`-d '${escapeSingleQuoted(description)}'`)), join(" "), of);
    }
    case "Both": {
      return pipe(getFishCompletions2(self.left), appendAll(getFishCompletions2(self.right)));
    }
    case "Map":
    case "Variadic":
    case "WithDefault":
    case "WithFallbackConfig": {
      return getFishCompletions2(self.args);
    }
  }
};
var getZshCompletions2 = (self, state = {
  multiple: false,
  optional: false
}) => {
  switch (self._tag) {
    case "Empty": {
      return empty();
    }
    case "Single": {
      const multiple = state.multiple ? "*" : "";
      const optional6 = state.optional ? "::" : ":";
      const shortDescription = getShortDescription(self);
      const description = shortDescription.length > 0 ? ` -- ${escapeSingleQuoted(shortDescription)}` : "";
      const possibleValues = getZshCompletions(self.primitiveType);
      return possibleValues.length === 0 ? empty() : of(`${multiple}${optional6}${self.name}${description}${possibleValues}`);
    }
    case "Map": {
      return getZshCompletions2(self.args, state);
    }
    case "Both": {
      const left2 = getZshCompletions2(self.left, state);
      const right2 = getZshCompletions2(self.right, state);
      return appendAll(left2, right2);
    }
    case "Variadic": {
      return isSome(self.max) && self.max.value > 1 ? getZshCompletions2(self.args, {
        ...state,
        multiple: true
      }) : getZshCompletions2(self.args, state);
    }
    case "WithDefault":
    case "WithFallbackConfig": {
      return getZshCompletions2(self.args, {
        ...state,
        optional: true
      });
    }
  }
};

// node_modules/@effect/cli/dist/esm/Args.js
var ArgsTypeId2 = ArgsTypeId;
var isArgs2 = isArgs;
var all2 = all;
var atLeast2 = atLeast;
var atMost2 = atMost;
var between2 = between;
var boolean4 = boolean3;
var choice3 = choice2;
var date4 = date3;
var directory2 = directory;
var file3 = file2;
var fileContent2 = fileContent;
var fileParse2 = fileParse;
var fileSchema2 = fileSchema;
var fileText2 = fileText;
var float4 = float3;
var getHelp4 = getHelp3;
var getIdentifier2 = getIdentifier;
var getMinSize2 = getMinSize;
var getMaxSize2 = getMaxSize;
var getUsage2 = getUsage;
var integer4 = integer3;
var map10 = map9;
var mapEffect2 = mapEffect;
var mapTryCatch2 = mapTryCatch;
var optional3 = optional2;
var none4 = none3;
var path3 = path2;
var repeated3 = repeated2;
var redacted3 = redacted2;
var secret3 = secret2;
var text8 = text7;
var validate3 = validate2;
var withDefault2 = withDefault;
var withFallbackConfig2 = withFallbackConfig;
var withDescription2 = withDescription;
var withSchema2 = withSchema;
var wizard3 = wizard2;

// node_modules/@effect/cli/dist/esm/internal/autoCorrect.js
var levensteinDistance = (first2, second, config2) => {
  if (first2.length === 0 && second.length === 0) {
    return 0;
  }
  if (first2.length === 0) {
    return second.length;
  }
  if (second.length === 0) {
    return first2.length;
  }
  const rowCount = first2.length;
  const columnCount = second.length;
  const matrix = new Array(rowCount);
  const normalFirst = normalizeCase(config2, first2);
  const normalSecond = normalizeCase(config2, second);
  for (let x = 0; x <= rowCount; x++) {
    matrix[x] = new Array(columnCount);
    matrix[x][0] = x;
  }
  for (let y = 0; y <= columnCount; y++) {
    matrix[0][y] = y;
  }
  for (let row = 1; row <= rowCount; row++) {
    for (let col = 1; col <= columnCount; col++) {
      const cost = normalFirst.charAt(row - 1) === normalSecond.charAt(col - 1) ? 0 : 1;
      matrix[row][col] = Math.min(matrix[row][col - 1] + 1, Math.min(matrix[row - 1][col] + 1, matrix[row - 1][col - 1] + cost));
    }
  }
  return matrix[rowCount][columnCount];
};

// node_modules/@effect/cli/dist/esm/internal/prompt/list.js
var list3 = (options3) => text5(options3).pipe(map8((output) => output.split(options3.delimiter || ",")));

// node_modules/@effect/cli/dist/esm/internal/options.js
var OptionsSymbolKey = "@effect/cli/Options";
var OptionsTypeId = /* @__PURE__ */ Symbol.for(OptionsSymbolKey);
var proto9 = {
  [OptionsTypeId]: {
    _A: (_) => _
  },
  pipe() {
    return pipeArguments(this, arguments);
  }
};
var isOptions = (u) => typeof u === "object" && u != null && OptionsTypeId in u;
var isInstruction2 = (self) => self;
var isEmpty7 = (self) => self._tag === "Empty";
var isSingle = (self) => self._tag === "Single";
var isWithDefault2 = (self) => self._tag === "WithDefault";
var all3 = function() {
  if (arguments.length === 1) {
    if (isOptions(arguments[0])) {
      return map11(arguments[0], (x) => [x]);
    } else if (isArray(arguments[0])) {
      return allTupled2(arguments[0]);
    } else {
      const entries = Object.entries(arguments[0]);
      let result = map11(entries[0][1], (value2) => ({
        [entries[0][0]]: value2
      }));
      if (entries.length === 1) {
        return result;
      }
      const rest = entries.slice(1);
      for (const [key, options3] of rest) {
        result = map11(makeBoth2(result, options3), ([record, value2]) => ({
          ...record,
          [key]: value2
        }));
      }
      return result;
    }
  }
  return allTupled2(arguments[0]);
};
var defaultBooleanOptions = {
  ifPresent: true,
  negationNames: [],
  aliases: []
};
var boolean5 = (name, options3) => {
  const {
    aliases,
    ifPresent,
    negationNames
  } = {
    ...defaultBooleanOptions,
    ...options3
  };
  const option = makeSingle2(name, aliases, boolean2(some(ifPresent)));
  if (isNonEmptyReadonlyArray(negationNames)) {
    const head2 = headNonEmpty(negationNames);
    const tail = tailNonEmpty(negationNames);
    const negationOption = makeSingle2(head2, tail, boolean2(some(!ifPresent)));
    return withDefault3(orElse5(option, negationOption), !ifPresent);
  }
  return withDefault3(option, !ifPresent);
};
var choice4 = (name, choices) => {
  const primitive = choice(map2(choices, (choice6) => [choice6, choice6]));
  return makeSingle2(name, empty(), primitive);
};
var choiceWithValue = (name, choices) => makeSingle2(name, empty(), choice(choices));
var date5 = (name) => makeSingle2(name, empty(), date2);
var directory3 = (name, config2) => makeSingle2(name, empty(), path("directory", config2?.exists ?? "either"));
var file4 = (name, config2) => makeSingle2(name, empty(), path("file", config2?.exists ?? "either"));
var fileContent3 = (name) => mapEffect3(file4(name, {
  exists: "yes"
}), (path4) => mapError(read(path4), (msg) => invalidValue(p(msg))));
var fileParse3 = (name, format) => mapEffect3(fileText3(name), ([path4, content]) => mapError(parse4(path4, content, format), (error3) => invalidValue(p(error3))));
var fileSchema3 = (name, schema, format) => withSchema3(fileParse3(name, format), schema);
var fileText3 = (name) => mapEffect3(file4(name, {
  exists: "yes"
}), (path4) => mapError(readString(path4), (error3) => invalidValue(p(error3))));
var filterMap2 = /* @__PURE__ */ dual(3, (self, f, message) => mapEffect3(self, (a) => match(f(a), {
  onNone: () => left(invalidValue(p(message))),
  onSome: right
})));
var float5 = (name) => makeSingle2(name, empty(), float2);
var integer5 = (name) => makeSingle2(name, empty(), integer2);
var keyValueMap = (option) => {
  if (typeof option === "string") {
    const single = makeSingle2(option, empty(), text6);
    return makeKeyValueMap(single);
  }
  if (!isSingle(option)) {
    throw new Error("InvalidArgumentException: only single options can be key/value maps");
  } else {
    return makeKeyValueMap(option);
  }
};
var none5 = /* @__PURE__ */ (() => {
  const op = /* @__PURE__ */ Object.create(proto9);
  op._tag = "Empty";
  return op;
})();
var redacted4 = (name) => makeSingle2(name, empty(), redacted);
var secret4 = (name) => makeSingle2(name, empty(), secret);
var text9 = (name) => makeSingle2(name, empty(), text6);
var atLeast3 = /* @__PURE__ */ dual(2, (self, times) => makeVariadic2(self, some(times), none()));
var atMost3 = /* @__PURE__ */ dual(2, (self, times) => makeVariadic2(self, none(), some(times)));
var between3 = /* @__PURE__ */ dual(3, (self, min2, max2) => makeVariadic2(self, some(min2), some(max2)));
var isBool2 = (self) => isBoolInternal(self);
var getHelp5 = (self) => getHelpInternal3(self);
var getIdentifier3 = (self) => getIdentifierInternal2(self);
var getUsage3 = (self) => getUsageInternal2(self);
var map11 = /* @__PURE__ */ dual(2, (self, f) => makeMap2(self, (a) => right(f(a))));
var mapEffect3 = /* @__PURE__ */ dual(2, (self, f) => makeMap2(self, f));
var mapTryCatch3 = /* @__PURE__ */ dual(3, (self, f, onError) => mapEffect3(self, (a) => {
  try {
    return right(f(a));
  } catch (e) {
    return left(invalidValue(onError(e)));
  }
}));
var optional4 = (self) => withDefault3(map11(self, some), none());
var orElse5 = /* @__PURE__ */ dual(2, (self, that) => orElseEither(self, that).pipe(map11(merge)));
var orElseEither = /* @__PURE__ */ dual(2, (self, that) => makeOrElse(self, that));
var parse5 = /* @__PURE__ */ dual(3, (self, args, config2) => parseInternal(self, args, config2));
var processCommandLine = /* @__PURE__ */ dual(3, (self, args, config2) => matchOptions(args, toParseableInstruction(self), config2).pipe(flatMap3(([error3, commandArgs, matchedOptions]) => parseInternal(self, matchedOptions, config2).pipe(catchAll((e) => match(error3, {
  onNone: () => fail(e),
  onSome: (err) => fail(err)
})), map3((a) => [error3, commandArgs, a])))));
var repeated4 = (self) => makeVariadic2(self, none(), none());
var withAlias = /* @__PURE__ */ dual(2, (self, alias) => modifySingle(self, (single) => {
  const aliases = append(single.aliases, alias);
  return makeSingle2(single.name, aliases, single.primitiveType, single.description, single.pseudoName);
}));
var withDefault3 = /* @__PURE__ */ dual(2, (self, fallback) => makeWithDefault2(self, fallback));
var withFallbackConfig3 = /* @__PURE__ */ dual(2, (self, config2) => {
  if (isInstruction2(self) && isWithDefault2(self)) {
    return makeWithDefault2(withFallbackConfig3(self.options, config2), self.fallback);
  }
  return makeWithFallback(self, config2);
});
var withFallbackPrompt = /* @__PURE__ */ dual(2, (self, prompt4) => {
  if (isInstruction2(self) && isWithDefault2(self)) {
    return makeWithDefault2(withFallbackPrompt(self.options, prompt4), self.fallback);
  }
  return makeWithFallback(self, prompt4);
});
var withDescription3 = /* @__PURE__ */ dual(2, (self, desc) => modifySingle(self, (single) => {
  const description = sequence(single.description, p(desc));
  return makeSingle2(single.name, single.aliases, single.primitiveType, description, single.pseudoName);
}));
var withPseudoName = /* @__PURE__ */ dual(2, (self, pseudoName) => modifySingle(self, (single) => makeSingle2(single.name, single.aliases, single.primitiveType, single.description, some(pseudoName))));
var withSchema3 = /* @__PURE__ */ dual(2, (self, schema) => {
  const decode2 = decode(schema);
  return mapEffect3(self, (_) => mapError(decode2(_), (issue) => invalidValue(p(TreeFormatter.formatIssueSync(issue)))));
});
var wizard4 = /* @__PURE__ */ dual(2, (self, config2) => wizardInternal3(self, config2));
var allTupled2 = (arg) => {
  if (arg.length === 0) {
    return none5;
  }
  if (arg.length === 1) {
    return map11(arg[0], (x) => [x]);
  }
  let result = map11(arg[0], (x) => [x]);
  for (let i = 1; i < arg.length; i++) {
    const curr = arg[i];
    result = map11(makeBoth2(result, curr), ([a, b]) => [...a, b]);
  }
  return result;
};
var getHelpInternal3 = (self) => {
  switch (self._tag) {
    case "Empty": {
      return empty7;
    }
    case "Single": {
      return descriptionList(of([getSpan(getHelp2(getUsageInternal2(self))), sequence(p(getHelp(self.primitiveType)), self.description)]));
    }
    case "KeyValueMap": {
      const identifier = getOrThrow(getIdentifierInternal2(self.argumentOption));
      return mapDescriptionList(getHelpInternal3(self.argumentOption), (span2, oldBlock) => {
        const header = p("This setting is a property argument which:");
        const single = `${identifier} key1=value key2=value2`;
        const multiple = `${identifier} key1=value ${identifier} key2=value2`;
        const description = enumeration([p(`May be specified a single time:  '${single}'`), p(`May be specified multiple times: '${multiple}'`)]);
        const newBlock = pipe(oldBlock, sequence(header), sequence(description));
        return [span2, newBlock];
      });
    }
    case "Map": {
      return getHelpInternal3(self.options);
    }
    case "Both":
    case "OrElse": {
      return sequence(getHelpInternal3(self.left), getHelpInternal3(self.right));
    }
    case "Variadic": {
      const help = getHelpInternal3(self.argumentOption);
      return mapDescriptionList(help, (oldSpan, oldBlock) => {
        const min2 = getMinSizeInternal2(self);
        const max2 = getMaxSizeInternal2(self);
        const newSpan = text4(isSome(self.max) ? ` ${min2} - ${max2}` : min2 === 0 ? "..." : ` ${min2}+`);
        const newBlock = p(isSome(self.max) ? `This option must be repeated at least ${min2} times and may be repeated up to ${max2} times.` : min2 === 0 ? "This option may be repeated zero or more times." : `This option must be repeated at least ${min2} times.`);
        return [concat(oldSpan, newSpan), sequence(oldBlock, newBlock)];
      });
    }
    case "WithDefault": {
      return mapDescriptionList(getHelpInternal3(self.options), (span2, block) => {
        const optionalDescription = isOption(self.fallback) ? match(self.fallback, {
          onNone: () => p("This setting is optional."),
          onSome: (fallbackValue) => {
            const inspectableValue = isObject(fallbackValue) ? fallbackValue : String(fallbackValue);
            const displayValue = toStringUnknown(inspectableValue, 0);
            return p(`This setting is optional. Defaults to: ${displayValue}`);
          }
        }) : p("This setting is optional.");
        return [span2, sequence(block, optionalDescription)];
      });
    }
    case "WithFallback": {
      const helpDoc = isConfig(self.effect) ? p("This option can be set from environment variables.") : isPrompt(self.effect) ? p("Will prompt the user for input if this option is not provided.") : empty7;
      return mapDescriptionList(getHelpInternal3(self.options), (span2, block) => [span2, sequence(block, helpDoc)]);
    }
  }
};
var getIdentifierInternal2 = (self) => {
  switch (self._tag) {
    case "Empty": {
      return none();
    }
    case "Single": {
      return some(self.fullName);
    }
    case "Both":
    case "OrElse": {
      const ids = getSomes([getIdentifierInternal2(self.left), getIdentifierInternal2(self.right)]);
      return match2(ids, {
        onEmpty: () => none(),
        onNonEmpty: (ids2) => some(join(ids2, ", "))
      });
    }
    case "KeyValueMap":
    case "Variadic": {
      return getIdentifierInternal2(self.argumentOption);
    }
    case "Map":
    case "WithFallback":
    case "WithDefault": {
      return getIdentifierInternal2(self.options);
    }
  }
};
var getMinSizeInternal2 = (self) => {
  switch (self._tag) {
    case "Empty":
    case "WithDefault":
    case "WithFallback": {
      return 0;
    }
    case "Single":
    case "KeyValueMap": {
      return 1;
    }
    case "Map": {
      return getMinSizeInternal2(self.options);
    }
    case "Both": {
      const leftMinSize = getMinSizeInternal2(self.left);
      const rightMinSize = getMinSizeInternal2(self.right);
      return leftMinSize + rightMinSize;
    }
    case "OrElse": {
      const leftMinSize = getMinSizeInternal2(self.left);
      const rightMinSize = getMinSizeInternal2(self.right);
      return Math.min(leftMinSize, rightMinSize);
    }
    case "Variadic": {
      const selfMinSize = getOrElse(self.min, () => 0);
      const argumentOptionMinSize = getMinSizeInternal2(self.argumentOption);
      return selfMinSize * argumentOptionMinSize;
    }
  }
};
var getMaxSizeInternal2 = (self) => {
  switch (self._tag) {
    case "Empty": {
      return 0;
    }
    case "Single": {
      return 1;
    }
    case "KeyValueMap": {
      return Number.MAX_SAFE_INTEGER;
    }
    case "Map":
    case "WithDefault":
    case "WithFallback": {
      return getMaxSizeInternal2(self.options);
    }
    case "Both": {
      const leftMaxSize = getMaxSizeInternal2(self.left);
      const rightMaxSize = getMaxSizeInternal2(self.right);
      return leftMaxSize + rightMaxSize;
    }
    case "OrElse": {
      const leftMin = getMaxSizeInternal2(self.left);
      const rightMin = getMaxSizeInternal2(self.right);
      return Math.min(leftMin, rightMin);
    }
    case "Variadic": {
      const selfMaxSize = getOrElse(self.max, () => Number.MAX_SAFE_INTEGER / 2);
      const optionsMaxSize = getMaxSizeInternal2(self.argumentOption);
      return Math.floor(selfMaxSize * optionsMaxSize);
    }
  }
};
var getUsageInternal2 = (self) => {
  switch (self._tag) {
    case "Empty": {
      return empty8;
    }
    case "Single": {
      const acceptedValues = isBool(self.primitiveType) ? none() : orElse(getChoices(self.primitiveType), () => some(self.placeholder));
      return named(getNames(self), acceptedValues);
    }
    case "KeyValueMap": {
      return getUsageInternal2(self.argumentOption);
    }
    case "Map": {
      return getUsageInternal2(self.options);
    }
    case "Both": {
      return concat2(getUsageInternal2(self.left), getUsageInternal2(self.right));
    }
    case "OrElse": {
      return alternation(getUsageInternal2(self.left), getUsageInternal2(self.right));
    }
    case "Variadic": {
      return repeated(getUsageInternal2(self.argumentOption));
    }
    case "WithDefault":
    case "WithFallback": {
      return optional(getUsageInternal2(self.options));
    }
  }
};
var isBoolInternal = (self) => {
  switch (self._tag) {
    case "Single": {
      return isBool(self.primitiveType);
    }
    case "Map": {
      return isBoolInternal(self.options);
    }
    case "WithDefault": {
      return isBoolInternal(self.options);
    }
    default: {
      return false;
    }
  }
};
var makeBoth2 = (left2, right2) => {
  const op = Object.create(proto9);
  op._tag = "Both";
  op.left = left2;
  op.right = right2;
  return op;
};
var makeFullName = (str) => str.length === 1 ? [true, `-${str}`] : [false, `--${str}`];
var makeKeyValueMap = (argumentOption) => {
  const op = Object.create(proto9);
  op._tag = "KeyValueMap";
  op.argumentOption = argumentOption;
  return op;
};
var makeMap2 = (options3, f) => {
  const op = Object.create(proto9);
  op._tag = "Map";
  op.options = options3;
  op.f = f;
  return op;
};
var makeOrElse = (left2, right2) => {
  const op = Object.create(proto9);
  op._tag = "OrElse";
  op.left = left2;
  op.right = right2;
  return op;
};
var makeSingle2 = (name, aliases, primitiveType, description = empty7, pseudoName = none()) => {
  const op = Object.create(proto9);
  op._tag = "Single";
  op.name = name;
  op.fullName = makeFullName(name)[1];
  op.placeholder = `${getOrElse(pseudoName, () => getTypeName(primitiveType))}`;
  op.aliases = aliases;
  op.primitiveType = primitiveType;
  op.description = description;
  op.pseudoName = pseudoName;
  return op;
};
var makeVariadic2 = (argumentOption, min2, max2) => {
  if (!isSingle(argumentOption)) {
    throw new Error("InvalidArgumentException: only single options can be variadic");
  }
  const op = Object.create(proto9);
  op._tag = "Variadic";
  op.argumentOption = argumentOption;
  op.min = min2;
  op.max = max2;
  return op;
};
var makeWithDefault2 = (options3, fallback) => {
  const op = Object.create(proto9);
  op._tag = "WithDefault";
  op.options = options3;
  op.fallback = fallback;
  return op;
};
var makeWithFallback = (options3, effect) => {
  const op = Object.create(proto9);
  op._tag = "WithFallback";
  op.options = options3;
  op.effect = effect;
  return op;
};
var modifySingle = (self, f) => {
  switch (self._tag) {
    case "Empty": {
      return none5;
    }
    case "Single": {
      return f(self);
    }
    case "KeyValueMap": {
      return makeKeyValueMap(f(self.argumentOption));
    }
    case "Map": {
      return makeMap2(modifySingle(self.options, f), self.f);
    }
    case "Both": {
      return makeBoth2(modifySingle(self.left, f), modifySingle(self.right, f));
    }
    case "OrElse": {
      return makeOrElse(modifySingle(self.left, f), modifySingle(self.right, f));
    }
    case "Variadic": {
      return makeVariadic2(f(self.argumentOption), self.min, self.max);
    }
    case "WithDefault": {
      return makeWithDefault2(modifySingle(self.options, f), self.fallback);
    }
    case "WithFallback": {
      return makeWithFallback(modifySingle(self.options, f), self.effect);
    }
  }
};
var getNames = (self) => {
  const loop = (self2) => {
    switch (self2._tag) {
      case "Empty": {
        return empty();
      }
      case "Single": {
        return prepend(self2.aliases, self2.name);
      }
      case "KeyValueMap":
      case "Variadic": {
        return loop(self2.argumentOption);
      }
      case "Map":
      case "WithDefault":
      case "WithFallback": {
        return loop(self2.options);
      }
      case "Both":
      case "OrElse": {
        const left2 = loop(self2.left);
        const right2 = loop(self2.right);
        return appendAll(left2, right2);
      }
    }
  };
  const order = mapInput(boolean, (tuple3) => !tuple3[0]);
  return pipe(loop(self), map2((str) => makeFullName(str)), sort(order), map2((tuple3) => tuple3[1]));
};
var toParseableInstruction = (self) => {
  switch (self._tag) {
    case "Empty": {
      return empty();
    }
    case "Single":
    case "KeyValueMap":
    case "Variadic": {
      return of(self);
    }
    case "Map":
    case "WithDefault":
    case "WithFallback": {
      return toParseableInstruction(self.options);
    }
    case "Both":
    case "OrElse": {
      return appendAll(toParseableInstruction(self.left), toParseableInstruction(self.right));
    }
  }
};
var keyValueSplitter = /=(.*)/;
var parseInternal = (self, args, config2) => {
  switch (self._tag) {
    case "Empty": {
      return _void;
    }
    case "Single": {
      const singleNames = filterMap(getNames(self), (name) => get(args, name));
      if (isNonEmptyReadonlyArray(singleNames)) {
        const head2 = headNonEmpty(singleNames);
        const tail = tailNonEmpty(singleNames);
        if (isEmptyReadonlyArray(tail)) {
          if (isEmptyReadonlyArray(head2)) {
            return validate(self.primitiveType, none(), config2).pipe(mapError((e) => invalidValue(p(e))));
          }
          if (isNonEmptyReadonlyArray(head2) && isEmptyReadonlyArray(tailNonEmpty(head2))) {
            const value2 = headNonEmpty(head2);
            return validate(self.primitiveType, some(value2), config2).pipe(mapError((e) => invalidValue(p(e))));
          }
          return fail(multipleValuesDetected(empty7, head2));
        }
        const error4 = p(`More than one reference to option '${self.fullName}' detected`);
        return fail(invalidValue(error4));
      }
      const error3 = p(`Expected to find option: '${self.fullName}'`);
      return fail(missingValue(error3));
    }
    case "KeyValueMap": {
      const extractKeyValue = (value2) => {
        const split = value2.trim().split(keyValueSplitter, 2);
        if (isNonEmptyReadonlyArray(split) && split.length === 2 && split[1] !== "") {
          return succeed(split);
        }
        const error3 = p(`Expected a key/value pair but received '${value2}'`);
        return fail(invalidArgument(error3));
      };
      return parseInternal(self.argumentOption, args, config2).pipe(matchEffect({
        onFailure: (e) => isMultipleValuesDetected(e) ? forEach(e.values, (kv) => extractKeyValue(kv)).pipe(map3(fromIterable3)) : fail(e),
        onSuccess: (kv) => extractKeyValue(kv).pipe(map3(make2))
      }));
    }
    case "Map": {
      return parseInternal(self.options, args, config2).pipe(flatMap3((a) => self.f(a)));
    }
    case "Both": {
      return parseInternal(self.left, args, config2).pipe(catchAll((err1) => parseInternal(self.right, args, config2).pipe(matchEffect({
        onFailure: (err2) => {
          const error3 = sequence(err1.error, err2.error);
          return fail(missingValue(error3));
        },
        onSuccess: () => fail(err1)
      }))), zip(parseInternal(self.right, args, config2)));
    }
    case "OrElse": {
      return parseInternal(self.left, args, config2).pipe(matchEffect({
        onFailure: (err1) => parseInternal(self.right, args, config2).pipe(mapBoth({
          onFailure: (err2) => (
            // orElse option is only missing in case neither option was given
            isMissingValue(err1) && isMissingValue(err2) ? missingValue(sequence(err1.error, err2.error)) : invalidValue(sequence(err1.error, err2.error))
          ),
          onSuccess: (b) => right(b)
        })),
        onSuccess: (a) => parseInternal(self.right, args, config2).pipe(matchEffect({
          onFailure: () => succeed(left(a)),
          onSuccess: () => {
            const leftUid = getOrElse(getIdentifierInternal2(self.left), () => "???");
            const rightUid = getOrElse(getIdentifierInternal2(self.right), () => "???");
            const error3 = p(`Collision between two options detected - you can only specify one of either: ['${leftUid}', '${rightUid}']`);
            return fail(invalidValue(error3));
          }
        }))
      }));
    }
    case "Variadic": {
      const min2 = getOrElse(self.min, () => 0);
      const max2 = getOrElse(self.max, () => Number.MAX_SAFE_INTEGER);
      const matchedArgument = filterMap(getNames(self), (name) => get(args, name));
      const validateMinMax = (values) => {
        if (values.length < min2) {
          const name = self.argumentOption.fullName;
          const error3 = `Expected at least ${min2} value(s) for option: '${name}'`;
          return fail(invalidValue(p(error3)));
        }
        if (values.length > max2) {
          const name = self.argumentOption.fullName;
          const error3 = `Expected at most ${max2} value(s) for option: '${name}'`;
          return fail(invalidValue(p(error3)));
        }
        const primitive = self.argumentOption.primitiveType;
        const validatePrimitive = (value2) => validate(primitive, some(value2), config2).pipe(mapError((e) => invalidValue(p(e))));
        return forEach(values, (value2) => validatePrimitive(value2));
      };
      if (every(matchedArgument, isEmptyReadonlyArray)) {
        return validateMinMax(empty());
      }
      return parseInternal(self.argumentOption, args, config2).pipe(matchEffect({
        onFailure: (error3) => isMultipleValuesDetected(error3) ? validateMinMax(error3.values) : fail(error3),
        onSuccess: (value2) => validateMinMax(of(value2))
      }));
    }
    case "WithDefault": {
      return parseInternal(self.options, args, config2).pipe(catchTag("MissingValue", () => succeed(self.fallback)));
    }
    case "WithFallback": {
      return parseInternal(self.options, args, config2).pipe(catchTag("MissingValue", (e) => self.effect.pipe(catchAll((e2) => {
        if (isTagged(e2, "QuitException")) {
          return die(e2);
        }
        if (isConfigError(e2) && !isMissingDataOnly(e2)) {
          const help = p(String(e2));
          const error3 = invalidValue(help);
          return fail(error3);
        }
        return fail(e);
      }))));
    }
  }
};
var wizardInternal3 = (self, config2) => {
  switch (self._tag) {
    case "Empty": {
      return succeed(empty());
    }
    case "Single": {
      const help = getHelpInternal3(self);
      return wizard(self.primitiveType, help).pipe(flatMap3((input) => {
        const args = make(getNames(self)[0], input);
        return parseCommandLine(self, args, config2).pipe(as(args));
      }), zipLeft(log()));
    }
    case "KeyValueMap": {
      const message = p("Enter `key=value` pairs separated by spaces");
      return list3({
        message: toAnsiText(message).trim(),
        delimiter: " "
      }).pipe(flatMap3((args) => {
        const identifier = getOrElse(getIdentifierInternal2(self), () => "");
        return parseInternal(self, make2([identifier, args]), config2).pipe(as(prepend(args, identifier)));
      }), zipLeft(log()));
    }
    case "Map": {
      return wizardInternal3(self.options, config2);
    }
    case "Both": {
      return zipWith(wizardInternal3(self.left, config2), wizardInternal3(self.right, config2), (left2, right2) => appendAll(left2, right2));
    }
    case "OrElse": {
      const alternativeHelp = p("Select which option you would like to use");
      const message = pipe(getHelpInternal3(self), sequence(alternativeHelp));
      const makeChoice = (title, value2) => ({
        title,
        value: value2
      });
      const choices = getSomes([map(getIdentifierInternal2(self.left), (title) => makeChoice(title, self.left)), map(getIdentifierInternal2(self.right), (title) => makeChoice(title, self.right))]);
      return select({
        message: toAnsiText(message).trimEnd(),
        choices
      }).pipe(flatMap3((option) => wizardInternal3(option, config2)));
    }
    case "Variadic": {
      const repeatHelp = p("How many times should this argument be repeated?");
      const message = pipe(getHelpInternal3(self), sequence(repeatHelp));
      return integer({
        message: toAnsiText(message).trimEnd(),
        min: getMinSizeInternal2(self),
        max: getMaxSizeInternal2(self)
      }).pipe(flatMap3((n) => n <= 0 ? succeed(empty()) : make3(empty()).pipe(flatMap3((ref) => wizardInternal3(self.argumentOption, config2).pipe(flatMap3((args) => update(ref, appendAll(args))), repeatN(n - 1), zipRight(get2(ref)))))));
    }
    case "WithDefault": {
      if (isBoolInternal(self.options)) {
        return wizardInternal3(self.options, config2);
      }
      const defaultHelp = p(`This option is optional - use the default?`);
      const message = pipe(getHelpInternal3(self.options), sequence(defaultHelp));
      return select({
        message: toAnsiText(message).trimEnd(),
        choices: [{
          title: "Yes",
          value: true,
          description: `use the default ${isOption(self.fallback) ? match(self.fallback, {
            onNone: () => "",
            onSome: (a) => `(${JSON.stringify(a)})`
          }) : `(${JSON.stringify(self.fallback)})`}`
        }, {
          title: "No",
          value: false,
          description: "use a custom value"
        }]
      }).pipe(zipLeft(log()), flatMap3((useFallback) => useFallback ? succeed(empty()) : wizardInternal3(self.options, config2)));
    }
    case "WithFallback": {
      if (isBoolInternal(self.options)) {
        return wizardInternal3(self.options, config2);
      }
      if (isPrompt(self.effect)) {
        return wizardInternal3(self.options, config2);
      }
      const defaultHelp = p(`Try load this option from the environment?`);
      const message = pipe(getHelpInternal3(self.options), sequence(defaultHelp));
      return select({
        message: toAnsiText(message).trimEnd(),
        choices: [{
          title: `Use environment variables`,
          value: true
        }, {
          title: "Custom",
          value: false
        }]
      }).pipe(zipLeft(log()), flatMap3((useFallback) => useFallback ? succeed(empty()) : wizardInternal3(self.options, config2)));
    }
  }
};
var matchOptions = (input, options3, config2) => {
  if (isNonEmptyReadonlyArray(options3)) {
    return findOptions(input, options3, config2).pipe(flatMap3(([otherArgs, otherOptions, map1]) => {
      if (isEmpty(map1)) {
        return succeed([none(), input, map1]);
      }
      return matchOptions(otherArgs, otherOptions, config2).pipe(map3(([error3, otherArgs2, map22]) => [error3, otherArgs2, merge2(map1, fromIterable(map22))]));
    }), catchAll((e) => succeed([some(e), input, empty2()])));
  }
  return isEmptyReadonlyArray(input) ? succeed([none(), empty(), empty2()]) : succeed([none(), input, empty2()]);
};
var findOptions = (input, options3, config2) => matchLeft(options3, {
  onEmpty: () => succeed([input, empty(), empty2()]),
  onNonEmpty: (head2, tail) => parseCommandLine(head2, input, config2).pipe(flatMap3(({
    leftover,
    parsed
  }) => match(parsed, {
    onNone: () => findOptions(leftover, tail, config2).pipe(map3(([nextArgs, nextOptions, map14]) => [nextArgs, prepend(nextOptions, head2), map14])),
    onSome: ({
      name,
      values
    }) => succeed([leftover, tail, make2([name, values])])
  })), catchTags({
    CorrectedFlag: (e) => findOptions(input, tail, config2).pipe(catchSome(() => some(fail(e))), flatMap3(([otherArgs, otherOptions, map14]) => fail(e).pipe(when(() => isEmpty(map14)), as([otherArgs, prepend(otherOptions, head2), map14])))),
    MissingFlag: () => findOptions(input, tail, config2).pipe(map3(([otherArgs, otherOptions, map14]) => [otherArgs, prepend(otherOptions, head2), map14])),
    UnclusteredFlag: (e) => matchUnclustered(e.unclustered, e.rest, options3, config2).pipe(catchAll(() => fail(e)))
  }))
});
var CLUSTERED_REGEX = /^-{1}([^-]{2,}$)/;
var FLAG_REGEX = /^(--[^=]+)(?:=(.+))?$/;
var processArgs = (args) => matchLeft(args, {
  onEmpty: () => succeed(empty()),
  onNonEmpty: (head2, tail) => {
    const value2 = head2.trim();
    if (CLUSTERED_REGEX.test(value2)) {
      const unclustered = value2.substring(1).split("").map((c) => `-${c}`);
      return fail(unclusteredFlag(empty7, unclustered, tail));
    }
    if (FLAG_REGEX.test(value2)) {
      const result = FLAG_REGEX.exec(value2);
      if (result !== null && result[2] !== void 0) {
        return succeed(appendAll([result[1], result[2]], tail));
      }
    }
    return succeed(args);
  }
});
var parseCommandLine = (self, args, config2) => {
  switch (self._tag) {
    case "Single": {
      return processArgs(args).pipe(flatMap3((args2) => matchLeft(args2, {
        onEmpty: () => {
          const error3 = p(`Expected to find option: '${self.fullName}'`);
          return fail(missingFlag(error3));
        },
        onNonEmpty: (head2, tail) => {
          const normalize = (value2) => normalizeCase(config2, value2);
          const normalizedHead = normalize(head2);
          const normalizedNames = map2(getNames(self), (name) => normalize(name));
          if (contains(normalizedNames, normalizedHead)) {
            if (isBool(self.primitiveType)) {
              return matchLeft(tail, {
                onEmpty: () => {
                  const parsed2 = some({
                    name: head2,
                    values: empty()
                  });
                  return succeed({
                    parsed: parsed2,
                    leftover: tail
                  });
                },
                onNonEmpty: (value2, leftover2) => {
                  if (isTrueValue(value2)) {
                    const parsed3 = some({
                      name: head2,
                      values: of("true")
                    });
                    return succeed({
                      parsed: parsed3,
                      leftover: leftover2
                    });
                  }
                  if (isFalseValue(value2)) {
                    const parsed3 = some({
                      name: head2,
                      values: of("false")
                    });
                    return succeed({
                      parsed: parsed3,
                      leftover: leftover2
                    });
                  }
                  const parsed2 = some({
                    name: head2,
                    values: empty()
                  });
                  return succeed({
                    parsed: parsed2,
                    leftover: tail
                  });
                }
              });
            }
            return matchLeft(tail, {
              onEmpty: () => {
                const error3 = p(`Expected a value following option: '${self.fullName}'`);
                return fail(missingValue(error3));
              },
              onNonEmpty: (value2, leftover2) => {
                const parsed2 = some({
                  name: head2,
                  values: of(value2)
                });
                return succeed({
                  parsed: parsed2,
                  leftover: leftover2
                });
              }
            });
          }
          if (head2.startsWith("-")) {
            if (self.name.length > config2.autoCorrectLimit + 1 && levensteinDistance(head2, self.fullName, config2) <= config2.autoCorrectLimit) {
              const error4 = p(`The flag '${head2}' is not recognized. Did you mean '${self.fullName}'?`);
              return fail(correctedFlag(error4));
            }
            const error3 = p(`Expected to find option: '${self.fullName}'`);
            return fail(missingFlag(error3));
          }
          let optionIndex = -1;
          let equalsValue = void 0;
          for (let i = 0; i < tail.length; i++) {
            const arg = tail[i];
            const normalizedArg = normalize(arg);
            if (contains(normalizedNames, normalizedArg)) {
              optionIndex = i;
              break;
            }
            const flagMatch = FLAG_REGEX.exec(arg);
            if (flagMatch !== null) {
              const normalizedFlag = normalize(flagMatch[1]);
              if (contains(normalizedNames, normalizedFlag)) {
                optionIndex = i;
                equalsValue = flagMatch[2];
                break;
              }
            }
          }
          if (optionIndex === -1) {
            const error3 = p(`Expected to find option: '${self.fullName}'`);
            return fail(missingFlag(error3));
          }
          const rawArg = tail[optionIndex];
          const optionName = equalsValue !== void 0 ? FLAG_REGEX.exec(rawArg)[1] : rawArg;
          const beforeOption = prepend(tail.slice(0, optionIndex), head2);
          const afterOption = tail.slice(optionIndex + 1);
          if (isBool(self.primitiveType)) {
            if (equalsValue !== void 0) {
              if (isTrueValue(equalsValue)) {
                const parsed3 = some({
                  name: optionName,
                  values: of("true")
                });
                const leftover3 = appendAll(beforeOption, afterOption);
                return succeed({
                  parsed: parsed3,
                  leftover: leftover3
                });
              }
              if (isFalseValue(equalsValue)) {
                const parsed3 = some({
                  name: optionName,
                  values: of("false")
                });
                const leftover3 = appendAll(beforeOption, afterOption);
                return succeed({
                  parsed: parsed3,
                  leftover: leftover3
                });
              }
            }
            if (afterOption.length > 0) {
              const nextValue = afterOption[0];
              if (isTrueValue(nextValue)) {
                const parsed3 = some({
                  name: optionName,
                  values: of("true")
                });
                const leftover3 = appendAll(beforeOption, afterOption.slice(1));
                return succeed({
                  parsed: parsed3,
                  leftover: leftover3
                });
              }
              if (isFalseValue(nextValue)) {
                const parsed3 = some({
                  name: optionName,
                  values: of("false")
                });
                const leftover3 = appendAll(beforeOption, afterOption.slice(1));
                return succeed({
                  parsed: parsed3,
                  leftover: leftover3
                });
              }
            }
            const parsed2 = some({
              name: optionName,
              values: empty()
            });
            const leftover2 = appendAll(beforeOption, afterOption);
            return succeed({
              parsed: parsed2,
              leftover: leftover2
            });
          }
          if (equalsValue !== void 0) {
            const parsed2 = some({
              name: optionName,
              values: of(equalsValue)
            });
            const leftover2 = appendAll(beforeOption, afterOption);
            return succeed({
              parsed: parsed2,
              leftover: leftover2
            });
          }
          if (afterOption.length === 0) {
            const error3 = p(`Expected a value following option: '${self.fullName}'`);
            return fail(missingValue(error3));
          }
          const optionValue = afterOption[0];
          const parsed = some({
            name: optionName,
            values: of(optionValue)
          });
          const leftover = appendAll(beforeOption, afterOption.slice(1));
          return succeed({
            parsed,
            leftover
          });
        }
      })));
    }
    case "KeyValueMap": {
      const normalizedNames = map2(getNames(self.argumentOption), (name) => normalizeCase(config2, name));
      return matchLeft(args, {
        onEmpty: () => succeed({
          parsed: none(),
          leftover: args
        }),
        onNonEmpty: (head2, tail) => {
          const loop = (args2) => {
            let keyValues = empty();
            let leftover2 = args2;
            while (isNonEmptyReadonlyArray(leftover2)) {
              const name = headNonEmpty(leftover2).trim();
              const normalizedName2 = normalizeCase(config2, name);
              if (leftover2.length >= 2 && contains(normalizedNames, normalizedName2)) {
                const keyValue = leftover2[1].trim();
                const [key, value2] = keyValue.split("=");
                if (key !== void 0 && value2 !== void 0 && value2.length > 0) {
                  keyValues = append(keyValues, keyValue);
                  leftover2 = leftover2.slice(2);
                  continue;
                }
              }
              if (name.includes("=")) {
                const [key, value2] = name.split("=");
                if (key !== void 0 && value2 !== void 0 && value2.length > 0) {
                  keyValues = append(keyValues, name);
                  leftover2 = leftover2.slice(1);
                  continue;
                }
              }
              break;
            }
            return [keyValues, leftover2];
          };
          const normalizedName = normalizeCase(config2, head2);
          if (contains(normalizedNames, normalizedName)) {
            const [values2, leftover2] = loop(tail);
            return succeed({
              parsed: some({
                name: head2,
                values: values2
              }),
              leftover: leftover2
            });
          }
          if (head2.startsWith("-")) {
            return succeed({
              parsed: none(),
              leftover: args
            });
          }
          let optionIndex = -1;
          for (let i = 0; i < tail.length; i++) {
            const arg = tail[i];
            const normalizedArg = normalizeCase(config2, arg);
            if (contains(normalizedNames, normalizedArg)) {
              optionIndex = i;
              break;
            }
          }
          if (optionIndex === -1) {
            return succeed({
              parsed: none(),
              leftover: args
            });
          }
          const optionName = tail[optionIndex];
          const beforeOption = prepend(tail.slice(0, optionIndex), head2);
          const afterOption = tail.slice(optionIndex + 1);
          const [values, remaining] = loop(afterOption);
          const leftover = appendAll(beforeOption, remaining);
          return succeed({
            parsed: some({
              name: optionName,
              values
            }),
            leftover
          });
        }
      });
    }
    case "Variadic": {
      const normalizedNames = map2(getNames(self.argumentOption), (name) => normalizeCase(config2, name));
      let optionName = void 0;
      let values = empty();
      let unparsed = args;
      let leftover = empty();
      while (isNonEmptyReadonlyArray(unparsed)) {
        const name = headNonEmpty(unparsed);
        const normalizedName = normalizeCase(config2, name);
        if (contains(normalizedNames, normalizedName)) {
          if (optionName === void 0) {
            optionName = name;
          }
          const value2 = unparsed[1];
          if (value2 !== void 0 && value2.length > 0) {
            values = append(values, value2.trim());
          }
          unparsed = unparsed.slice(2);
        } else {
          leftover = append(leftover, headNonEmpty(unparsed));
          unparsed = unparsed.slice(1);
        }
      }
      const parsed = fromNullable(optionName).pipe(orElse(() => some(self.argumentOption.fullName)), map((name) => ({
        name,
        values
      })));
      return succeed({
        parsed,
        leftover
      });
    }
  }
};
var matchUnclustered = (input, tail, options3, config2) => {
  if (isNonEmptyReadonlyArray(input)) {
    const flag = headNonEmpty(input);
    const otherFlags = tailNonEmpty(input);
    return findOptions(of(flag), options3, config2).pipe(flatMap3(([_, opts1, map1]) => {
      if (isEmpty(map1)) {
        return fail(unclusteredFlag(empty7, empty(), tail));
      }
      return matchUnclustered(otherFlags, tail, opts1, config2).pipe(map3(([_2, opts2, map22]) => [tail, opts2, merge2(map1, fromIterable(map22))]));
    }));
  }
  return succeed([tail, options3, empty2()]);
};
var merge2 = (map1, map22) => {
  if (isNonEmptyReadonlyArray(map22)) {
    const head2 = headNonEmpty(map22);
    const tail = tailNonEmpty(map22);
    const newMap = match(get(map1, head2[0]), {
      onNone: () => set(map1, head2[0], head2[1]),
      onSome: (elems) => set(map1, head2[0], appendAll(elems, head2[1]))
    });
    return merge2(newMap, tail);
  }
  return map1;
};
var escape = (string5) => escapeSingleQuoted(string5.replaceAll("\\", "\\\\")).replaceAll("[", "\\[").replaceAll("]", "\\]").replaceAll(":", "\\:").replaceAll("$", "\\$").replaceAll("`", "\\`").replaceAll("(", "\\(").replaceAll(")", "\\)");
var getShortDescription2 = (self) => {
  switch (self._tag) {
    case "Empty":
    case "Both":
    case "OrElse": {
      return "";
    }
    case "Single": {
      return getText(getSpan(self.description));
    }
    case "KeyValueMap":
    case "Variadic": {
      return getShortDescription2(self.argumentOption);
    }
    case "Map":
    case "WithDefault":
    case "WithFallback": {
      return getShortDescription2(self.options);
    }
  }
};
var getBashCompletions2 = (self) => {
  switch (self._tag) {
    case "Empty": {
      return empty();
    }
    case "Single": {
      const names = getNames(self);
      const cases = join(names, "|");
      const compgen = getBashCompletions(self.primitiveType);
      return make(`${cases})`, `    COMPREPLY=( ${compgen} )`, `    return 0`, `    ;;`);
    }
    case "KeyValueMap":
    case "Variadic": {
      return getBashCompletions2(self.argumentOption);
    }
    case "Map":
    case "WithDefault":
    case "WithFallback": {
      return getBashCompletions2(self.options);
    }
    case "Both":
    case "OrElse": {
      const left2 = getBashCompletions2(self.left);
      const right2 = getBashCompletions2(self.right);
      return appendAll(left2, right2);
    }
  }
};
var getFishCompletions3 = (self) => {
  switch (self._tag) {
    case "Empty": {
      return empty();
    }
    case "Single": {
      const description = getShortDescription2(self);
      const order = mapInput(boolean, (tuple3) => !tuple3[0]);
      return pipe(prepend(self.aliases, self.name), map2((name) => [name.length === 1, name]), sort(order), flatMap2(([isShort, name]) => make(isShort ? "-s" : "-l", name)), appendAll(getFishCompletions(self.primitiveType)), appendAll(description.length === 0 ? empty() : of(`-d '${escapeSingleQuoted(description)}'`)), join(" "), of);
    }
    case "KeyValueMap":
    case "Variadic": {
      return getFishCompletions3(self.argumentOption);
    }
    case "Map":
    case "WithDefault":
    case "WithFallback": {
      return getFishCompletions3(self.options);
    }
    case "Both":
    case "OrElse": {
      return pipe(getFishCompletions3(self.left), appendAll(getFishCompletions3(self.right)));
    }
  }
};
var getZshCompletions3 = (self, state = {
  conflicts: empty(),
  multiple: false
}) => {
  switch (self._tag) {
    case "Empty": {
      return empty();
    }
    case "Single": {
      const names = getNames(self);
      const description = getShortDescription2(self);
      const possibleValues = getZshCompletions(self.primitiveType);
      const multiple = state.multiple ? "*" : "";
      const conflicts = isNonEmptyReadonlyArray(state.conflicts) ? `(${join(state.conflicts, " ")})` : "";
      return map2(names, (name) => `${conflicts}${multiple}${name}[${escape(description)}]${possibleValues}`);
    }
    case "KeyValueMap": {
      return getZshCompletions3(self.argumentOption, {
        ...state,
        multiple: true
      });
    }
    case "Map":
    case "WithDefault":
    case "WithFallback": {
      return getZshCompletions3(self.options, state);
    }
    case "Both": {
      const left2 = getZshCompletions3(self.left, state);
      const right2 = getZshCompletions3(self.right, state);
      return appendAll(left2, right2);
    }
    case "OrElse": {
      const leftNames = getNames(self.left);
      const rightNames = getNames(self.right);
      const left2 = getZshCompletions3(self.left, {
        ...state,
        conflicts: appendAll(state.conflicts, rightNames)
      });
      const right2 = getZshCompletions3(self.right, {
        ...state,
        conflicts: appendAll(state.conflicts, leftNames)
      });
      return appendAll(left2, right2);
    }
    case "Variadic": {
      return isSome(self.max) && self.max.value > 1 ? getZshCompletions3(self.argumentOption, {
        ...state,
        multiple: true
      }) : getZshCompletions3(self.argumentOption, state);
    }
  }
};

// node_modules/@effect/cli/dist/esm/internal/builtInOptions.js
var setLogLevel = (level) => ({
  _tag: "SetLogLevel",
  level
});
var showCompletions = (shellType) => ({
  _tag: "ShowCompletions",
  shellType
});
var showHelp = (usage, helpDoc) => ({
  _tag: "ShowHelp",
  usage,
  helpDoc
});
var showWizard = (command) => ({
  _tag: "ShowWizard",
  command
});
var showVersion = {
  _tag: "ShowVersion"
};
var isShowHelp = (self) => self._tag === "ShowHelp";
var isShowWizard = (self) => self._tag === "ShowWizard";
var completionsOptions = /* @__PURE__ */ choiceWithValue("completions", [["sh", "bash"], ["bash", "bash"], ["fish", "fish"], ["zsh", "zsh"]]).pipe(optional4, /* @__PURE__ */ withDescription3("Generate a completion script for a specific shell."));
var logLevelOptions = /* @__PURE__ */ choiceWithValue("log-level", allLevels.map((level) => [level._tag.toLowerCase(), level])).pipe(optional4, /* @__PURE__ */ withDescription3("Sets the minimum log level for a command."));
var helpOptions = /* @__PURE__ */ boolean5("help").pipe(/* @__PURE__ */ withAlias("h"), /* @__PURE__ */ withDescription3("Show the help documentation for a command."));
var versionOptions = /* @__PURE__ */ boolean5("version").pipe(/* @__PURE__ */ withDescription3("Show the version of the application."));
var wizardOptions = /* @__PURE__ */ boolean5("wizard").pipe(/* @__PURE__ */ withDescription3("Start wizard mode for a command."));
var builtIns = /* @__PURE__ */ all3({
  completions: completionsOptions,
  logLevel: logLevelOptions,
  help: helpOptions,
  wizard: wizardOptions,
  version: versionOptions
});
var builtInOptions = (command, usage, helpDoc) => map11(builtIns, (builtIn2) => {
  if (isSome(builtIn2.completions)) {
    return some(showCompletions(builtIn2.completions.value));
  }
  if (isSome(builtIn2.logLevel)) {
    return some(setLogLevel(builtIn2.logLevel.value));
  }
  if (builtIn2.help) {
    return some(showHelp(usage, helpDoc));
  }
  if (builtIn2.wizard) {
    return some(showWizard(command));
  }
  if (builtIn2.version) {
    return some(showVersion);
  }
  return none();
});

// node_modules/@effect/cli/dist/esm/HelpDoc.js
var HelpDoc_exports = {};
__export(HelpDoc_exports, {
  blocks: () => blocks2,
  descriptionList: () => descriptionList2,
  empty: () => empty9,
  enumeration: () => enumeration2,
  getSpan: () => getSpan2,
  h1: () => h12,
  h2: () => h22,
  h3: () => h32,
  isDescriptionList: () => isDescriptionList2,
  isEmpty: () => isEmpty8,
  isEnumeration: () => isEnumeration2,
  isHeader: () => isHeader2,
  isParagraph: () => isParagraph2,
  isSequence: () => isSequence2,
  mapDescriptionList: () => mapDescriptionList2,
  orElse: () => orElse6,
  p: () => p2,
  sequence: () => sequence2,
  toAnsiDoc: () => toAnsiDoc3,
  toAnsiText: () => toAnsiText2
});
var isEmpty8 = isEmpty5;
var isHeader2 = isHeader;
var isParagraph2 = isParagraph;
var isDescriptionList2 = isDescriptionList;
var isEnumeration2 = isEnumeration;
var isSequence2 = isSequence;
var empty9 = empty7;
var blocks2 = blocks;
var h12 = h1;
var h22 = h2;
var h32 = h3;
var p2 = p;
var descriptionList2 = descriptionList;
var enumeration2 = enumeration;
var getSpan2 = getSpan;
var sequence2 = sequence;
var orElse6 = orElse4;
var mapDescriptionList2 = mapDescriptionList;
var toAnsiDoc3 = toAnsiDoc2;
var toAnsiText2 = toAnsiText;

// node_modules/@effect/cli/dist/esm/Options.js
var Options_exports = {};
__export(Options_exports, {
  OptionsTypeId: () => OptionsTypeId2,
  all: () => all4,
  atLeast: () => atLeast4,
  atMost: () => atMost4,
  between: () => between4,
  boolean: () => boolean6,
  choice: () => choice5,
  choiceWithValue: () => choiceWithValue2,
  date: () => date6,
  directory: () => directory4,
  file: () => file5,
  fileContent: () => fileContent4,
  fileParse: () => fileParse4,
  fileSchema: () => fileSchema4,
  fileText: () => fileText4,
  filterMap: () => filterMap3,
  float: () => float6,
  getHelp: () => getHelp6,
  getIdentifier: () => getIdentifier4,
  getUsage: () => getUsage4,
  integer: () => integer6,
  isBool: () => isBool3,
  isOptions: () => isOptions2,
  keyValueMap: () => keyValueMap2,
  map: () => map12,
  mapEffect: () => mapEffect4,
  mapTryCatch: () => mapTryCatch4,
  none: () => none6,
  optional: () => optional5,
  orElse: () => orElse7,
  orElseEither: () => orElseEither2,
  parse: () => parse6,
  processCommandLine: () => processCommandLine2,
  redacted: () => redacted5,
  repeated: () => repeated5,
  secret: () => secret5,
  text: () => text10,
  withAlias: () => withAlias2,
  withDefault: () => withDefault4,
  withDescription: () => withDescription4,
  withFallbackConfig: () => withFallbackConfig4,
  withFallbackPrompt: () => withFallbackPrompt2,
  withPseudoName: () => withPseudoName2,
  withSchema: () => withSchema4,
  wizard: () => wizard5
});
var OptionsTypeId2 = OptionsTypeId;
var isOptions2 = isOptions;
var all4 = all3;
var boolean6 = boolean5;
var choice5 = choice4;
var choiceWithValue2 = choiceWithValue;
var date6 = date5;
var directory4 = directory3;
var file5 = file4;
var fileContent4 = fileContent3;
var fileParse4 = fileParse3;
var fileSchema4 = fileSchema3;
var fileText4 = fileText3;
var float6 = float5;
var getHelp6 = getHelp5;
var getIdentifier4 = getIdentifier3;
var getUsage4 = getUsage3;
var integer6 = integer5;
var keyValueMap2 = keyValueMap;
var none6 = none5;
var redacted5 = redacted4;
var secret5 = secret4;
var text10 = text9;
var atMost4 = atMost3;
var atLeast4 = atLeast3;
var between4 = between3;
var filterMap3 = filterMap2;
var isBool3 = isBool2;
var map12 = map11;
var mapEffect4 = mapEffect3;
var mapTryCatch4 = mapTryCatch3;
var optional5 = optional4;
var orElse7 = orElse5;
var orElseEither2 = orElseEither;
var parse6 = parse5;
var repeated5 = repeated4;
var processCommandLine2 = processCommandLine;
var withAlias2 = withAlias;
var withDefault4 = withDefault3;
var withFallbackConfig4 = withFallbackConfig3;
var withFallbackPrompt2 = withFallbackPrompt;
var withDescription4 = withDescription3;
var withPseudoName2 = withPseudoName;
var withSchema4 = withSchema3;
var wizard5 = wizard4;

// node_modules/@effect/cli/dist/esm/internal/commandDirective.js
var builtIn = (option) => ({
  _tag: "BuiltIn",
  option
});
var userDefined = (leftover, value2) => ({
  _tag: "UserDefined",
  leftover,
  value: value2
});
var isBuiltIn = (self) => self._tag === "BuiltIn";
var isUserDefined = (self) => self._tag === "UserDefined";

// node_modules/@effect/cli/dist/esm/internal/commandDescriptor.js
var CommandDescriptorSymbolKey = "@effect/cli/CommandDescriptor";
var TypeId = /* @__PURE__ */ Symbol.for(CommandDescriptorSymbolKey);
var proto10 = {
  [TypeId]: {
    _A: (_) => _
  },
  pipe() {
    return pipeArguments(this, arguments);
  }
};
var isCommand = (u) => typeof u === "object" && u != null && TypeId in u;
var isStandard = (self) => self._tag === "Standard";
var make8 = (name, options3 = none5, args = none3) => {
  const op = Object.create(proto10);
  op._tag = "Standard";
  op.name = name;
  op.description = empty7;
  op.options = options3;
  op.args = args;
  return op;
};
var prompt = (name, prompt4) => {
  const op = Object.create(proto10);
  op._tag = "GetUserInput";
  op.name = name;
  op.description = empty7;
  op.prompt = prompt4;
  return op;
};
var getHelp7 = (self, config2) => getHelpInternal4(self, config2);
var getNames2 = (self) => fromIterable2(getNamesInternal(self));
var getBashCompletions3 = (self, executable) => getBashCompletionsInternal(self, executable);
var getFishCompletions4 = (self, executable) => getFishCompletionsInternal(self, executable);
var getZshCompletions4 = (self, executable) => getZshCompletionsInternal(self, executable);
var getSubcommands = (self) => fromIterable3(getSubcommandsInternal(self));
var getUsage5 = (self) => getUsageInternal3(self);
var map13 = /* @__PURE__ */ dual(2, (self, f) => mapEffect5(self, (a) => right(f(a))));
var mapEffect5 = /* @__PURE__ */ dual(2, (self, f) => {
  const op = Object.create(proto10);
  op._tag = "Map";
  op.command = self;
  op.f = f;
  return op;
});
var parse7 = /* @__PURE__ */ dual(3, (self, args, config2) => parseInternal2(self, args, config2));
var withDescription5 = /* @__PURE__ */ dual(2, (self, help) => withDescriptionInternal2(self, help));
var withSubcommands = /* @__PURE__ */ dual(2, (self, subcommands) => {
  const op = Object.create(proto10);
  op._tag = "Subcommands";
  op.parent = self;
  op.children = map2(subcommands, ([id, command]) => map13(command, (a) => [id, a]));
  return op;
});
var wizard6 = /* @__PURE__ */ dual(3, (self, prefix, config2) => wizardInternal4(self, prefix, config2));
var getHelpInternal4 = (self, config2) => {
  switch (self._tag) {
    case "Standard": {
      const header = isEmpty5(self.description) ? empty7 : sequence(h1("DESCRIPTION"), self.description);
      const argsHelp = getHelp3(self.args);
      const argsSection = isEmpty5(argsHelp) ? empty7 : sequence(h1("ARGUMENTS"), argsHelp);
      const options3 = config2.showBuiltIns ? all4([self.options, builtIns]) : self.options;
      const optionsHelp = getHelp5(options3);
      const optionsSection = isEmpty5(optionsHelp) ? empty7 : sequence(h1("OPTIONS"), optionsHelp);
      return sequence(header, sequence(argsSection, optionsSection));
    }
    case "GetUserInput": {
      return isEmpty5(self.description) ? empty7 : sequence(h1("DESCRIPTION"), self.description);
    }
    case "Map": {
      return getHelpInternal4(self.command, config2);
    }
    case "Subcommands": {
      const getUsage8 = (command, preceding) => {
        switch (command._tag) {
          case "Standard":
          case "GetUserInput": {
            const usage = getSpan(getHelp2(getUsageInternal3(command)));
            const usages = append(preceding, usage);
            const finalUsage = reduce(usages, empty6, (acc, next) => isText3(acc) && acc.value === "" ? next : isText3(next) && next.value === "" ? acc : spans([acc, space3, next]));
            const description = getSpan(command.description);
            return of([finalUsage, description]);
          }
          case "Map": {
            return getUsage8(command.command, preceding);
          }
          case "Subcommands": {
            const parentUsage = getUsage8(command.parent, preceding);
            return match(head(parentUsage), {
              onNone: () => flatMap2(command.children, (child) => getUsage8(child, preceding)),
              onSome: ([usage]) => {
                const childrenUsage = flatMap2(command.children, (child) => getUsage8(child, append(preceding, usage)));
                return appendAll(parentUsage, childrenUsage);
              }
            });
          }
        }
      };
      const printSubcommands = (subcommands) => {
        const maxUsageLength = reduceRight(subcommands, 0, (max2, [usage]) => Math.max(size(usage), max2));
        const documents = map2(subcommands, ([usage, desc]) => p(spans([usage, text4(" ".repeat(maxUsageLength - size(usage) + 2)), desc])));
        if (isNonEmptyReadonlyArray(documents)) {
          return enumeration(documents);
        }
        throw new Error("[BUG]: Subcommands.usage - received empty list of subcommands to print");
      };
      return sequence(getHelpInternal4(self.parent, config2), sequence(h1("COMMANDS"), printSubcommands(flatMap2(self.children, (child) => getUsage8(child, empty())))));
    }
  }
};
var getNamesInternal = (self) => {
  switch (self._tag) {
    case "Standard":
    case "GetUserInput": {
      return of(self.name);
    }
    case "Map": {
      return getNamesInternal(self.command);
    }
    case "Subcommands": {
      return getNamesInternal(self.parent);
    }
  }
};
var getSubcommandsInternal = (self) => {
  const loop = (self2, isSubcommand) => {
    switch (self2._tag) {
      case "Standard":
      case "GetUserInput": {
        return of([self2.name, self2]);
      }
      case "Map": {
        return loop(self2.command, isSubcommand);
      }
      case "Subcommands": {
        return isSubcommand ? loop(self2.parent, false) : flatMap2(self2.children, (child) => loop(child, true));
      }
    }
  };
  return loop(self, false);
};
var getUsageInternal3 = (self) => {
  switch (self._tag) {
    case "Standard": {
      return concat2(named(of(self.name), none()), concat2(getUsage3(self.options), getUsage(self.args)));
    }
    case "GetUserInput": {
      return named(of(self.name), none());
    }
    case "Map": {
      return getUsageInternal3(self.command);
    }
    case "Subcommands": {
      return concat2(getUsageInternal3(self.parent), mixed);
    }
  }
};
var parseInternal2 = (self, args, config2) => {
  const parseCommandLine2 = (self2, args2) => matchLeft(args2, {
    onEmpty: () => {
      const error3 = p(`Missing command name: '${self2.name}'`);
      return fail(commandMismatch(error3));
    },
    onNonEmpty: (head2, tail) => {
      const normalizedArgv0 = normalizeCase(config2, head2);
      const normalizedCommandName = normalizeCase(config2, self2.name);
      return succeed(tail).pipe(when(() => normalizedArgv0 === normalizedCommandName), flatten, catchTag("NoSuchElementException", () => {
        const error3 = p(`Missing command name: '${self2.name}'`);
        return fail(commandMismatch(error3));
      }));
    }
  });
  switch (self._tag) {
    case "Standard": {
      const parseBuiltInArgs = (args2) => matchLeft(args2, {
        onEmpty: () => {
          const error3 = p(`Missing command name: '${self.name}'`);
          return fail(commandMismatch(error3));
        },
        onNonEmpty: (argv0) => {
          const normalizedArgv0 = normalizeCase(config2, argv0);
          const normalizedCommandName = normalizeCase(config2, self.name);
          if (normalizedArgv0 === normalizedCommandName) {
            const help = getHelpInternal4(self, config2);
            const usage = getUsageInternal3(self);
            const options3 = builtInOptions(self, usage, help);
            const argsWithoutCommand = drop(args2, 1);
            return processCommandLine(options3, argsWithoutCommand, config2).pipe(flatMap3((tuple3) => tuple3[2]), catchTag("NoSuchElementException", () => {
              const error4 = p("No built-in option was matched");
              return fail(noBuiltInMatch(error4));
            }), map3(builtIn));
          }
          const error3 = p(`Missing command name: '${self.name}'`);
          return fail(commandMismatch(error3));
        }
      });
      const parseUserDefinedArgs = (args2) => parseCommandLine2(self, args2).pipe(flatMap3((commandOptionsAndArgs) => {
        const [optionsAndArgs, forcedCommandArgs] = splitForcedArgs(commandOptionsAndArgs);
        return processCommandLine(self.options, optionsAndArgs, config2).pipe(flatMap3(([error3, commandArgs, optionsType]) => validate2(self.args, appendAll(commandArgs, forcedCommandArgs), config2).pipe(catchAll((e) => match(error3, {
          onNone: () => fail(e),
          onSome: (err) => fail(err)
        })), map3(([argsLeftover, argsType]) => userDefined(argsLeftover, {
          name: self.name,
          options: optionsType,
          args: argsType
        })))));
      }));
      const exhaustiveSearch = (args2) => {
        if (contains(args2, "--help") || contains(args2, "-h")) {
          return parseBuiltInArgs(make(self.name, "--help"));
        }
        if (contains(args2, "--wizard")) {
          return parseBuiltInArgs(make(self.name, "--wizard"));
        }
        if (contains(args2, "--version")) {
          return parseBuiltInArgs(make(self.name, "--version"));
        }
        const error3 = p(`Missing command name: '${self.name}'`);
        return fail(commandMismatch(error3));
      };
      return parseBuiltInArgs(args).pipe(orElse2(() => parseUserDefinedArgs(args)), catchSome((e) => {
        if (isValidationError(e)) {
          if (config2.finalCheckBuiltIn) {
            return some(exhaustiveSearch(args).pipe(catchSome((_) => isValidationError(_) ? some(fail(e)) : none())));
          }
          return some(fail(e));
        }
        return none();
      }));
    }
    case "GetUserInput": {
      return parseCommandLine2(self, args).pipe(zipRight(run(self.prompt)), catchTag("QuitException", (e) => die(e)), map3((value2) => userDefined(drop(args, 1), {
        name: self.name,
        value: value2
      })));
    }
    case "Map": {
      return parseInternal2(self.command, args, config2).pipe(flatMap3((directive) => {
        if (isUserDefined(directive)) {
          return self.f(directive.value).pipe(map3((value2) => userDefined(directive.leftover, value2)));
        }
        return succeed(directive);
      }));
    }
    case "Subcommands": {
      const names = getNamesInternal(self);
      const subcommands = getSubcommandsInternal(self);
      const [parentArgs, childArgs] = span(args, (arg) => !some2(subcommands, ([name]) => name === arg));
      const parseChildrenWith = (argsForChildren) => suspend(() => {
        const iterator = self.children[Symbol.iterator]();
        const loop = (next) => {
          return parseInternal2(next, argsForChildren, config2).pipe(catchIf(isCommandMismatch, (e) => {
            const next2 = iterator.next();
            return next2.done ? fail(e) : loop(next2.value);
          }));
        };
        return loop(iterator.next().value);
      });
      const parseChildren = parseChildrenWith(childArgs);
      const helpDirectiveForParent = sync(() => {
        return builtIn(showHelp(getUsageInternal3(self), getHelpInternal4(self, config2)));
      });
      const helpDirectiveForChild = parseChildren.pipe(flatMap3((directive) => {
        if (isBuiltIn(directive) && isShowHelp(directive.option)) {
          const parentName = getOrElse(head(names), () => "");
          const newDirective = builtIn(showHelp(concat2(named(of(parentName), none()), directive.option.usage), directive.option.helpDoc));
          return succeed(newDirective);
        }
        return fail(invalidArgument(empty7));
      }));
      const wizardDirectiveForParent = sync(() => builtIn(showWizard(self)));
      const wizardDirectiveForChild = parseChildren.pipe(flatMap3((directive) => {
        if (isBuiltIn(directive) && isShowWizard(directive.option)) {
          return succeed(directive);
        }
        return fail(invalidArgument(empty7));
      }));
      return suspend(() => parseInternal2(self.parent, parentArgs, config2).pipe(flatMap3((directive) => {
        switch (directive._tag) {
          case "BuiltIn": {
            if (isShowHelp(directive.option)) {
              return isNonEmptyReadonlyArray(childArgs) ? orElse2(helpDirectiveForChild, () => helpDirectiveForParent) : helpDirectiveForParent;
            }
            if (isShowWizard(directive.option)) {
              return orElse2(wizardDirectiveForChild, () => wizardDirectiveForParent);
            }
            return succeed(directive);
          }
          case "UserDefined": {
            const args2 = appendAll(directive.leftover, childArgs);
            if (isNonEmptyReadonlyArray(args2)) {
              return parseChildrenWith(args2).pipe(flatMap3((childDirective) => {
                if (!isUserDefined(childDirective)) {
                  return succeed(childDirective);
                }
                const childLeftover = childDirective.leftover;
                if (isEmptyReadonlyArray(childLeftover)) {
                  return succeed(userDefined(childLeftover, {
                    ...directive.value,
                    subcommand: some(childDirective.value)
                  }));
                }
                const parentArgsWithLeftover = appendAll(parentArgs, childLeftover);
                return parseInternal2(self.parent, parentArgsWithLeftover, config2).pipe(flatMap3((reParsedParentDirective) => {
                  if (!isUserDefined(reParsedParentDirective)) {
                    return succeed(userDefined(childLeftover, {
                      ...directive.value,
                      subcommand: some(childDirective.value)
                    }));
                  }
                  return succeed(userDefined(reParsedParentDirective.leftover, {
                    ...reParsedParentDirective.value,
                    subcommand: some(childDirective.value)
                  }));
                }), catchAll(() => succeed(userDefined(childLeftover, {
                  ...directive.value,
                  subcommand: some(childDirective.value)
                }))));
              }), catchAll((err) => {
                if (isCommandMismatch(err)) {
                  const parentName = getOrElse(head(names), () => "");
                  const childNames = map2(subcommands, ([name]) => `'${name}'`);
                  const oneOf = childNames.length === 1 ? "" : " one of";
                  const error3 = p(`Invalid subcommand for ${parentName} - use${oneOf} ${join(childNames, ", ")}`);
                  return fail(commandMismatch(error3));
                }
                return fail(err);
              }));
            }
            return succeed(userDefined(directive.leftover, {
              ...directive.value,
              subcommand: none()
            }));
          }
        }
      }), catchSome(() => isEmptyReadonlyArray(args) ? some(helpDirectiveForParent) : none())));
    }
  }
};
var splitForcedArgs = (args) => {
  const [remainingArgs, forcedArgs] = span(args, (str) => str !== "--");
  return [remainingArgs, drop(forcedArgs, 1)];
};
var withDescriptionInternal2 = (self, description) => {
  switch (self._tag) {
    case "Standard": {
      const helpDoc = typeof description === "string" ? p2(description) : description;
      const op = Object.create(proto10);
      op._tag = "Standard";
      op.name = self.name;
      op.description = helpDoc;
      op.options = self.options;
      op.args = self.args;
      return op;
    }
    case "GetUserInput": {
      const helpDoc = typeof description === "string" ? p2(description) : description;
      const op = Object.create(proto10);
      op._tag = "GetUserInput";
      op.name = self.name;
      op.description = helpDoc;
      op.prompt = self.prompt;
      return op;
    }
    case "Map": {
      return mapEffect5(withDescriptionInternal2(self.command, description), self.f);
    }
    case "Subcommands": {
      const op = Object.create(proto10);
      op._tag = "Subcommands";
      op.parent = withDescriptionInternal2(self.parent, description);
      op.children = self.children.slice();
      return op;
    }
  }
};
var argsWizardHeader = /* @__PURE__ */ code("Args Wizard - ");
var optionsWizardHeader = /* @__PURE__ */ code("Options Wizard - ");
var wizardInternal4 = (self, prefix, config2) => {
  const loop = (self2, commandLineRef) => {
    switch (self2._tag) {
      case "GetUserInput":
      case "Standard": {
        return gen(function* () {
          const logCurrentCommand = get2(commandLineRef).pipe(flatMap3((commandLine) => {
            const currentCommand = p(pipe(strong(highlight("COMMAND:", cyan3)), concat(space3), concat(highlight(join(commandLine, " "), magenta3))));
            return log(toAnsiText(currentCommand));
          }));
          if (isStandard(self2)) {
            yield* logCurrentCommand;
            const commandName = highlight(self2.name, magenta3);
            if (!isEmpty7(self2.options)) {
              const message = p(concat(optionsWizardHeader, commandName));
              yield* log(toAnsiText(message));
              const options3 = yield* wizard4(self2.options, config2);
              yield* updateAndGet(commandLineRef, appendAll(options3));
              yield* logCurrentCommand;
            }
            if (!isEmpty6(self2.args)) {
              const message = p(concat(argsWizardHeader, commandName));
              yield* log(toAnsiText(message));
              const options3 = yield* wizard2(self2.args, config2);
              yield* updateAndGet(commandLineRef, appendAll(options3));
              yield* logCurrentCommand;
            }
          }
          return yield* get2(commandLineRef);
        });
      }
      case "Map": {
        return loop(self2.command, commandLineRef);
      }
      case "Subcommands": {
        const description = p("Select which command you would like to execute");
        const message = toAnsiText(description).trimEnd();
        const makeChoice = (title, index) => ({
          title,
          value: [title, index]
        });
        const choices = pipe(getSubcommandsInternal(self2), map2(([name], index) => makeChoice(name, index)));
        return loop(self2.parent, commandLineRef).pipe(zipRight(select({
          message,
          choices
        }).pipe(tap(([name]) => update(commandLineRef, append(name))), zipLeft(log()), flatMap3(([, nextIndex]) => loop(self2.children[nextIndex], commandLineRef)))));
      }
    }
  };
  return make3(prefix).pipe(flatMap3((commandLineRef) => loop(self, commandLineRef).pipe(zipRight(get2(commandLineRef)))));
};
var getShortDescription3 = (self) => {
  switch (self._tag) {
    case "Standard": {
      return getText(getSpan(self.description));
    }
    case "GetUserInput": {
      return getText(getSpan(self.description));
    }
    case "Map": {
      return getShortDescription3(self.command);
    }
    case "Subcommands": {
      return "";
    }
  }
};
var traverseCommand = (self, initialState3, f) => make5(initialState3).pipe(flatMap3((ref) => {
  const loop = (self2, parentCommands, subcommands, level) => {
    switch (self2._tag) {
      case "Standard": {
        const info = {
          command: self2,
          parentCommands,
          subcommands,
          level
        };
        return updateEffect(ref, (state) => f(state, info));
      }
      case "GetUserInput": {
        const info = {
          command: self2,
          parentCommands,
          subcommands,
          level
        };
        return updateEffect(ref, (state) => f(state, info));
      }
      case "Map": {
        return loop(self2.command, parentCommands, subcommands, level);
      }
      case "Subcommands": {
        const parentNames = getNamesInternal(self2.parent);
        const nextSubcommands = getSubcommandsInternal(self2);
        const nextParentCommands = appendAll(parentCommands, parentNames);
        return loop(self2.parent, parentCommands, nextSubcommands, level).pipe(zipRight(forEach(self2.children, (child) => (
          // Traverse the child command using next parent names and old subcommands
          loop(child, nextParentCommands, subcommands, level + 1)
        ))));
      }
    }
  };
  return suspend(() => loop(self, empty(), empty(), 0)).pipe(zipRight(get3(ref)));
}));
var indentAll = /* @__PURE__ */ dual(2, (self, indent3) => {
  const indentation = allocate(indent3 + 1).join(" ");
  return map2(self, (line4) => `${indentation}${line4}`);
});
var getBashCompletionsInternal = (self, executable) => traverseCommand(self, empty(), (state, info) => {
  const options3 = isStandard(info.command) ? all4([info.command.options, builtIns]) : builtIns;
  const optionNames = getNames(options3);
  const optionCases = isStandard(info.command) ? getBashCompletions2(info.command.options) : empty();
  const subcommandNames = pipe(info.subcommands, map2(([name]) => name), sort(string2));
  const wordList = appendAll(optionNames, subcommandNames);
  const preformatted = isEmptyReadonlyArray(info.parentCommands) ? of(info.command.name) : pipe(info.parentCommands, append(info.command.name), map2((command) => command.replaceAll("-", "__")));
  const caseName = join(preformatted, ",");
  const funcName = join(preformatted, "__");
  const funcLines = isEmptyReadonlyArray(info.parentCommands) ? empty() : [`${caseName})`, `    cmd="${funcName}"`, "    ;;"];
  const cmdLines = [`${funcName})`, `    opts="${join(wordList, " ")}"`, `    if [[ \${cur} == -* || \${COMP_CWORD} -eq ${info.level + 1} ]] ; then`, '        COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )', "        return 0", "    fi", '    case "${prev}" in', ...indentAll(optionCases, 8), "    *)", "        COMPREPLY=()", "        ;;", "    esac", '    COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )', "    return 0", "    ;;"];
  const lines2 = append(state, [funcLines, cmdLines]);
  return succeed(lines2);
}).pipe(map3((lines2) => {
  const rootCommand = unsafeGet(getNamesInternal(self), 0);
  const scriptName = `_${rootCommand}_bash_completions`;
  const funcCases = flatMap2(lines2, ([funcLines]) => funcLines);
  const cmdCases = flatMap2(lines2, ([, cmdLines]) => cmdLines);
  return [`function ${scriptName}() {`, "    local i cur prev opts cmd", "    COMPREPLY=()", '    cur="${COMP_WORDS[COMP_CWORD]}"', '    prev="${COMP_WORDS[COMP_CWORD-1]}"', '    cmd=""', '    opts=""', '    for i in "${COMP_WORDS[@]}"; do', '        case "${cmd},${i}" in', '            ",$1")', `                cmd="${executable}"`, "                ;;", ...indentAll(funcCases, 12), "            *)", "                ;;", "        esac", "    done", '    case "${cmd}" in', ...indentAll(cmdCases, 8), "    esac", "}", `complete -F ${scriptName} -o nosort -o bashdefault -o default ${rootCommand}`];
}));
var getFishCompletionsInternal = (self, executable) => traverseCommand(self, empty(), (state, info) => {
  const baseTemplate = make("complete", "-c", executable);
  const options3 = isStandard(info.command) ? all3([builtIns, info.command.options]) : builtIns;
  const optionsCompletions = getFishCompletions3(options3);
  const argsCompletions = isStandard(info.command) ? getFishCompletions2(info.command.args) : empty();
  const rootCompletions = (conditionals2) => pipe(map2(optionsCompletions, (option) => pipe(baseTemplate, appendAll(conditionals2), append(option), join(" "))), appendAll(map2(argsCompletions, (option) => pipe(baseTemplate, appendAll(conditionals2), append(option), join(" ")))));
  const subcommandCompletions = (conditionals2) => map2(info.subcommands, ([name, subcommand]) => {
    const description = getShortDescription3(subcommand);
    return pipe(baseTemplate, appendAll(conditionals2), appendAll(make("-f", "-a", `"${name}"`)), appendAll(description.length === 0 ? empty() : make("-d", `'${escapeSingleQuoted(description)}'`)), join(" "));
  });
  if (isEmptyReadonlyArray(info.parentCommands)) {
    const conditionals2 = make("-n", '"__fish_use_subcommand"');
    return succeed(pipe(state, appendAll(rootCompletions(conditionals2)), appendAll(subcommandCompletions(conditionals2))));
  }
  const parentConditionals = pipe(
    info.parentCommands,
    // Drop the root command name from the subcommand conditionals
    drop(1),
    append(info.command.name),
    map2((command) => `__fish_seen_subcommand_from ${command}`)
  );
  const subcommandConditionals = map2(info.subcommands, ([name]) => `not __fish_seen_subcommand_from ${name}`);
  const baseConditionals = pipe(appendAll(parentConditionals, subcommandConditionals), join("; and "));
  const conditionals = make("-n", `"${baseConditionals}"`);
  return succeed(pipe(state, appendAll(rootCompletions(conditionals)), appendAll(subcommandCompletions(conditionals))));
});
var getZshCompletionsInternal = (self, executable) => traverseCommand(self, empty(), (state, info) => {
  const preformatted = isEmptyReadonlyArray(info.parentCommands) ? of(info.command.name) : pipe(info.parentCommands, append(info.command.name), map2((command) => command.replaceAll("-", "__")));
  const underscoreName = join(preformatted, "__");
  const spaceName = join(preformatted, " ");
  const subcommands = pipe(info.subcommands, map2(([name, subcommand]) => {
    const desc = getShortDescription3(subcommand);
    return `'${name}:${escapeSingleQuoted(desc)}' \\`;
  }));
  const commands = isEmptyReadonlyArray(subcommands) ? `commands=()` : `commands=(
${join(indentAll(subcommands, 8), "\n")}
    )`;
  const handlerLines = [`(( $+functions[_${underscoreName}_commands] )) ||`, `_${underscoreName}_commands() {`, `    local commands; ${commands}`, `    _describe -t commands '${spaceName} commands' commands "$@"`, "}"];
  return succeed(appendAll(state, handlerLines));
}).pipe(map3((handlers) => {
  const rootCommand = unsafeGet(getNamesInternal(self), 0);
  const cases = getZshSubcommandCases(self, empty(), empty());
  const scriptName = `_${rootCommand}_zsh_completions`;
  return [`#compdef ${executable}`, "", "autoload -U is-at-least", "", `function ${scriptName}() {`, "    typeset -A opt_args", "    typeset -a _arguments_options", "    local ret=1", "", "    if is-at-least 5.2; then", "        _arguments_options=(-s -S -C)", "    else", "        _arguments_options=(-s -C)", "    fi", "", '    local context curcontext="$curcontext" state line', ...indentAll(cases, 4), "}", "", ...handlers, "", `if [ "$funcstack[1]" = "${scriptName}" ]; then`, `    ${scriptName} "$@"`, "else", `    compdef ${scriptName} ${rootCommand}`, "fi"];
}));
var getZshSubcommandCases = (self, parentCommands, subcommands) => {
  switch (self._tag) {
    case "Standard":
    case "GetUserInput": {
      const options3 = isStandard(self) ? all3([builtIns, self.options]) : builtIns;
      const args = isStandard(self) ? self.args : none3;
      const optionCompletions = pipe(getZshCompletions3(options3), map2((completion) => `'${completion}' \\`));
      const argCompletions = pipe(getZshCompletions2(args), map2((completion) => `'${completion}' \\`));
      if (isEmptyReadonlyArray(parentCommands)) {
        return ['_arguments "${_arguments_options[@]}" \\', ...indentAll(optionCompletions, 4), ...indentAll(argCompletions, 4), `    ":: :_${self.name}_commands" \\`, `    "*::: :->${self.name}" \\`, "    && ret=0"];
      }
      if (isEmptyReadonlyArray(subcommands)) {
        return [`(${self.name})`, '_arguments "${_arguments_options[@]}" \\', ...indentAll(optionCompletions, 4), ...indentAll(argCompletions, 4), "    && ret=0", ";;"];
      }
      return [`(${self.name})`, '_arguments "${_arguments_options[@]}" \\', ...indentAll(optionCompletions, 4), ...indentAll(argCompletions, 4), `    ":: :_${append(parentCommands, self.name).join("__")}_commands" \\`, `    "*::: :->${self.name}" \\`, "    && ret=0"];
    }
    case "Map": {
      return getZshSubcommandCases(self.command, parentCommands, subcommands);
    }
    case "Subcommands": {
      const nextSubcommands = getSubcommandsInternal(self);
      const parentNames = getNamesInternal(self.parent);
      const parentLines = getZshSubcommandCases(self.parent, parentCommands, appendAll(subcommands, nextSubcommands));
      const childCases = pipe(self.children, flatMap2((child) => getZshSubcommandCases(child, appendAll(parentCommands, parentNames), subcommands)));
      const hyphenName = pipe(appendAll(parentCommands, parentNames), join("-"));
      const childLines = pipe(parentNames, flatMap2((parentName) => ["case $state in", `    (${parentName})`, `    words=($line[1] "\${words[@]}")`, "    (( CURRENT += 1 ))", `    curcontext="\${curcontext%:*:*}:${hyphenName}-command-$line[1]:"`, `    case $line[1] in`, ...indentAll(childCases, 8), "    esac", "    ;;", "esac"]), appendAll(isEmptyReadonlyArray(parentCommands) ? empty() : of(";;")));
      return appendAll(parentLines, childLines);
    }
  }
};
var helpRequestedError = (command) => {
  const op = Object.create(proto7);
  op._tag = "HelpRequested";
  op.error = empty7;
  op.command = command;
  return op;
};

// node_modules/@effect/cli/dist/esm/internal/cliApp.js
var proto11 = {
  pipe() {
    return pipeArguments(this, arguments);
  }
};
var make9 = (config2) => {
  const op = Object.create(proto11);
  op.name = config2.name;
  op.version = config2.version;
  op.executable = config2.executable;
  op.command = config2.command;
  op.summary = config2.summary || empty6;
  op.footer = config2.footer || empty7;
  return op;
};
var run2 = /* @__PURE__ */ dual(3, (self, args, execute) => contextWithEffect((context) => {
  const config2 = getOrElse(getOption(context, Tag), () => defaultConfig);
  const [executable, filteredArgs] = splitExecutable(self, args);
  const prefixedArgs = appendAll(prefixCommand(self.command), filteredArgs);
  return matchEffect(parse7(self.command, prefixedArgs, config2), {
    onFailure: (e) => zipRight(printDocs(e.error), fail(e)),
    onSuccess: unify((directive) => {
      switch (directive._tag) {
        case "UserDefined": {
          return matchLeft(directive.leftover, {
            onEmpty: () => execute(directive.value).pipe(catchSome((e) => isValidationError(e) && isHelpRequested(e) ? some(handleBuiltInOption(self, executable, filteredArgs, showHelp(getUsage5(e.command), getHelp7(e.command, config2)), execute, config2, args)) : none())),
            onNonEmpty: (head2) => {
              const error3 = p(`Received unknown argument: '${head2}'`);
              return zipRight(printDocs(error3), fail(invalidValue(error3)));
            }
          });
        }
        case "BuiltIn": {
          return handleBuiltInOption(self, executable, filteredArgs, directive.option, execute, config2, args).pipe(catchSome((e) => isValidationError(e) ? some(zipRight(printDocs(e.error), fail(e))) : none()));
        }
      }
    })
  });
}));
var splitExecutable = (self, args) => {
  if (self.executable !== void 0) {
    return [self.executable, drop(args, 2)];
  }
  const [[runtime, script], optionsAndArgs] = splitAt(args, 2);
  return [`${runtime} ${script}`, optionsAndArgs];
};
var printDocs = (error3) => error(toAnsiText(error3));
var handleBuiltInOption = (self, executable, args, builtIn2, execute, config2, originalArgs) => {
  switch (builtIn2._tag) {
    case "SetLogLevel": {
      const baseArgs = take(originalArgs, 2);
      const filteredArgs = [];
      for (let i = 0; i < args.length; i++) {
        if (isLogLevelArg(args[i]) || args[i - 1] === "--log-level") {
          continue;
        }
        filteredArgs.push(args[i]);
      }
      const nextArgs = appendAll(baseArgs, filteredArgs);
      return run2(self, nextArgs, execute).pipe(withMinimumLogLevel(builtIn2.level));
    }
    case "ShowHelp": {
      const banner = h1(code(self.name));
      const header = p(spans([text4(`${self.name} ${self.version}`), isEmpty4(self.summary) ? empty6 : spans([space3, text4("--"), space3, self.summary])]));
      const usage = sequence(h1("USAGE"), pipe(enumerate(builtIn2.usage, config2), map2((span2) => p(concat(text4("$ "), span2))), reduceRight(empty7, (left2, right2) => sequence(left2, right2))));
      const helpDoc = pipe(banner, sequence(header), sequence(usage), sequence(builtIn2.helpDoc), sequence(self.footer));
      return log(toAnsiText(helpDoc));
    }
    case "ShowCompletions": {
      const command = fromIterable(getNames2(self.command))[0];
      switch (builtIn2.shellType) {
        case "bash": {
          return getBashCompletions3(self.command, command).pipe(flatMap3((completions) => log(join(completions, "\n"))));
        }
        case "fish": {
          return getFishCompletions4(self.command, command).pipe(flatMap3((completions) => log(join(completions, "\n"))));
        }
        case "zsh":
          return getZshCompletions4(self.command, command).pipe(flatMap3((completions) => log(join(completions, "\n"))));
      }
    }
    case "ShowWizard": {
      const summary = isEmpty4(self.summary) ? empty6 : spans([space3, text4("--"), space3, self.summary]);
      const instructions = sequence(p(spans([text4("The wizard mode will assist you with constructing commands for"), space3, code(`${self.name} (${self.version})`), text4(".")])), p("Please answer all prompts provided by the wizard."));
      const description = descriptionList([[text4("Instructions"), instructions]]);
      const header = h1(spans([code("Wizard Mode for CLI Application:"), space3, code(self.name), space3, code(`(${self.version})`), summary]));
      const help = sequence(header, description);
      const text12 = toAnsiText(help);
      const command = fromIterable(getNames2(self.command))[0];
      const wizardPrefix = getWizardPrefix(builtIn2, command, args);
      return log(text12).pipe(zipRight(wizard6(builtIn2.command, wizardPrefix, config2)), tap((args2) => log(toAnsiText(renderWizardArgs(args2)))), flatMap3((args2) => toggle({
        message: "Would you like to run the command?",
        initial: true,
        active: "yes",
        inactive: "no"
      }).pipe(flatMap3((shouldRunCommand) => {
        const baseArgs = take(originalArgs, 2);
        const wizardArgs = drop(args2, 1);
        const finalArgs = appendAll(baseArgs, wizardArgs);
        return shouldRunCommand ? log().pipe(zipRight(run2(self, finalArgs, execute))) : _void;
      }))), catchAll((e) => {
        if (isQuitException(e)) {
          const message = p(error2("\n\nQuitting wizard mode..."));
          return log(toAnsiText(message));
        }
        return fail(e);
      }));
    }
    case "ShowVersion": {
      const help = p(self.version);
      return log(toAnsiText(help));
    }
  }
};
var prefixCommand = (self) => {
  let command = self;
  let prefix = empty();
  while (command !== void 0) {
    switch (command._tag) {
      case "Standard": {
        prefix = of(command.name);
        command = void 0;
        break;
      }
      case "GetUserInput": {
        prefix = of(command.name);
        command = void 0;
        break;
      }
      case "Map": {
        command = command.command;
        break;
      }
      case "Subcommands": {
        command = command.parent;
        break;
      }
    }
  }
  return prefix;
};
var getWizardPrefix = (builtIn2, rootCommand, commandLineArgs) => {
  const subcommands = getSubcommands(builtIn2.command);
  const [parentArgs, childArgs] = span(commandLineArgs, (name) => !has(subcommands, name));
  const args = matchLeft(childArgs, {
    onEmpty: () => filter(parentArgs, (arg) => arg !== "--wizard"),
    onNonEmpty: (head2) => append(parentArgs, head2)
  });
  return appendAll(rootCommand.split(/\s+/), args);
};
var renderWizardArgs = (args) => {
  const params = pipe(filter(args, (param) => param.length > 0), join(" "));
  const executeMsg = text4("You may now execute your command directly with the following options and arguments:");
  return blocks([p(strong(code("Wizard Mode Complete!"))), p(executeMsg), p(concat(text4("    "), highlight(params, cyan3)))]);
};
var isLogLevelArg = (arg) => {
  return arg && (arg === "--log-level" || arg.startsWith("--log-level="));
};

// node_modules/@effect/cli/dist/esm/Command.js
var Command_exports = {};
__export(Command_exports, {
  TypeId: () => TypeId3,
  fromDescriptor: () => fromDescriptor2,
  getBashCompletions: () => getBashCompletions5,
  getFishCompletions: () => getFishCompletions6,
  getHelp: () => getHelp9,
  getNames: () => getNames4,
  getSubcommands: () => getSubcommands3,
  getUsage: () => getUsage7,
  getZshCompletions: () => getZshCompletions6,
  make: () => make11,
  prompt: () => prompt3,
  provide: () => provide3,
  provideEffect: () => provideEffect2,
  provideEffectDiscard: () => provideEffectDiscard2,
  provideSync: () => provideSync2,
  run: () => run4,
  transformHandler: () => transformHandler2,
  withDescription: () => withDescription7,
  withHandler: () => withHandler2,
  withSubcommands: () => withSubcommands3,
  wizard: () => wizard8
});

// node_modules/@effect/cli/dist/esm/ValidationError.js
var ValidationError_exports = {};
__export(ValidationError_exports, {
  ValidationErrorTypeId: () => ValidationErrorTypeId2,
  commandMismatch: () => commandMismatch2,
  correctedFlag: () => correctedFlag2,
  helpRequested: () => helpRequested,
  invalidArgument: () => invalidArgument2,
  invalidValue: () => invalidValue2,
  isCommandMismatch: () => isCommandMismatch2,
  isCorrectedFlag: () => isCorrectedFlag2,
  isHelpRequested: () => isHelpRequested2,
  isInvalidArgument: () => isInvalidArgument2,
  isInvalidValue: () => isInvalidValue2,
  isMissingFlag: () => isMissingFlag2,
  isMissingSubcommand: () => isMissingSubcommand2,
  isMissingValue: () => isMissingValue2,
  isMultipleValuesDetected: () => isMultipleValuesDetected2,
  isNoBuiltInMatch: () => isNoBuiltInMatch2,
  isUnclusteredFlag: () => isUnclusteredFlag2,
  isValidationError: () => isValidationError2,
  keyValuesDetected: () => keyValuesDetected,
  missingFlag: () => missingFlag2,
  missingSubcommand: () => missingSubcommand2,
  missingValue: () => missingValue2,
  noBuiltInMatch: () => noBuiltInMatch2,
  unclusteredFlag: () => unclusteredFlag2
});
var ValidationErrorTypeId2 = ValidationErrorTypeId;
var isValidationError2 = isValidationError;
var isCommandMismatch2 = isCommandMismatch;
var isCorrectedFlag2 = isCorrectedFlag;
var isHelpRequested2 = isHelpRequested;
var isInvalidArgument2 = isInvalidArgument;
var isInvalidValue2 = isInvalidValue;
var isMultipleValuesDetected2 = isMultipleValuesDetected;
var isMissingFlag2 = isMissingFlag;
var isMissingValue2 = isMissingValue;
var isMissingSubcommand2 = isMissingSubcommand;
var isNoBuiltInMatch2 = isNoBuiltInMatch;
var isUnclusteredFlag2 = isUnclusteredFlag;
var commandMismatch2 = commandMismatch;
var correctedFlag2 = correctedFlag;
var helpRequested = helpRequestedError;
var invalidArgument2 = invalidArgument;
var invalidValue2 = invalidValue;
var keyValuesDetected = multipleValuesDetected;
var missingFlag2 = missingFlag;
var missingValue2 = missingValue;
var missingSubcommand2 = missingSubcommand;
var noBuiltInMatch2 = noBuiltInMatch;
var unclusteredFlag2 = unclusteredFlag;

// node_modules/@effect/cli/dist/esm/internal/command.js
var CommandSymbolKey = "@effect/cli/Command";
var TypeId2 = /* @__PURE__ */ Symbol.for(CommandSymbolKey);
var parseConfig = (config2) => {
  const args = [];
  let argsIndex = 0;
  const options3 = [];
  let optionsIndex = 0;
  function parse8(config3) {
    const tree = {};
    for (const key in config3) {
      tree[key] = parseValue(config3[key]);
    }
    return tree;
  }
  function parseValue(value2) {
    if (isArray(value2)) {
      return {
        _tag: "Array",
        children: map2(value2, parseValue)
      };
    } else if (isArgs(value2)) {
      args.push(value2);
      return {
        _tag: "Args",
        index: argsIndex++
      };
    } else if (isOptions(value2)) {
      options3.push(value2);
      return {
        _tag: "Options",
        index: optionsIndex++
      };
    } else {
      return {
        _tag: "ParsedConfig",
        tree: parse8(value2)
      };
    }
  }
  return {
    args,
    options: options3,
    tree: parse8(config2)
  };
};
var reconstructConfigTree = (tree, args, options3) => {
  const output = {};
  for (const key in tree) {
    output[key] = nodeValue(tree[key]);
  }
  return output;
  function nodeValue(node) {
    if (node._tag === "Args") {
      return args[node.index];
    } else if (node._tag === "Options") {
      return options3[node.index];
    } else if (node._tag === "Array") {
      return map2(node.children, nodeValue);
    } else {
      return reconstructConfigTree(node.tree, args, options3);
    }
  }
};
var Prototype = {
  ...CommitPrototype,
  [TypeId2]: TypeId2,
  commit() {
    return this.tag;
  },
  pipe() {
    return pipeArguments(this, arguments);
  }
};
var registeredDescriptors = /* @__PURE__ */ globalValue("@effect/cli/Command/registeredDescriptors", () => /* @__PURE__ */ new WeakMap());
var getDescriptor = (self) => registeredDescriptors.get(self.tag) ?? self.descriptor;
var makeProto = (descriptor, handler, tag, transform = identity) => {
  const self = Object.create(Prototype);
  self.descriptor = descriptor;
  self.handler = handler;
  self.transform = transform;
  self.tag = tag;
  return self;
};
var makeDerive = (self, options3) => {
  const command = Object.create(Prototype);
  command.descriptor = options3.descriptor ?? self.descriptor;
  command.handler = options3.handler ?? self.handler;
  command.transform = options3.transform ? (effect, opts) => options3.transform(self.transform(effect, opts), opts) : self.transform;
  command.tag = self.tag;
  return command;
};
var fromDescriptor = /* @__PURE__ */ dual((args) => isCommand(args[0]), (descriptor, handler) => {
  const self = makeProto(descriptor, handler ?? ((_) => failSync(() => helpRequested(getDescriptor(self)))), GenericTag(`@effect/cli/Command/(${fromIterable(getNames2(descriptor)).join("|")})`));
  return self;
});
var makeDescriptor = (name, config2) => {
  const {
    args,
    options: options3,
    tree
  } = parseConfig(config2);
  return map13(make8(name, all3(options3), all(args)), ({
    args: args2,
    options: options4
  }) => reconstructConfigTree(tree, args2, options4));
};
var make10 = (name, config2 = {}, handler) => fromDescriptor(makeDescriptor(name, config2), handler);
var getHelp8 = (self, config2) => getHelp7(self.descriptor, config2);
var getNames3 = (self) => getNames2(self.descriptor);
var getBashCompletions4 = (self, programName) => getBashCompletions3(self.descriptor, programName);
var getFishCompletions5 = (self, programName) => getFishCompletions4(self.descriptor, programName);
var getZshCompletions5 = (self, programName) => getZshCompletions4(self.descriptor, programName);
var getSubcommands2 = (self) => getSubcommands(self.descriptor);
var getUsage6 = (self) => getUsage5(self.descriptor);
var mapDescriptor = /* @__PURE__ */ dual(2, (self, f) => makeDerive(self, {
  descriptor: f(self.descriptor)
}));
var prompt2 = (name, prompt4, handler) => makeProto(map13(prompt(name, prompt4), (_) => _.value), handler, GenericTag(`@effect/cli/Prompt/${name}`));
var withHandler = /* @__PURE__ */ dual(2, (self, handler) => makeDerive(self, {
  handler,
  transform: identity
}));
var transformHandler = /* @__PURE__ */ dual(2, (self, f) => makeDerive(self, {
  transform: f
}));
var provide2 = /* @__PURE__ */ dual(2, (self, layer) => makeDerive(self, {
  transform: (effect, config2) => provide(effect, typeof layer === "function" ? layer(config2) : layer)
}));
var provideEffect = /* @__PURE__ */ dual(3, (self, tag, effect_) => makeDerive(self, {
  transform: (self2, config2) => {
    const effect = typeof effect_ === "function" ? effect_(config2) : effect_;
    return provideServiceEffect(self2, tag, effect);
  }
}));
var provideEffectDiscard = /* @__PURE__ */ dual(2, (self, effect_) => makeDerive(self, {
  transform: (self2, config2) => {
    const effect = typeof effect_ === "function" ? effect_(config2) : effect_;
    return zipRight(effect, self2);
  }
}));
var provideSync = /* @__PURE__ */ dual(3, (self, tag, f) => makeDerive(self, {
  transform: (self2, config2) => {
    const service = typeof f === "function" ? f(config2) : f;
    return provideService(self2, tag, service);
  }
}));
var withDescription6 = /* @__PURE__ */ dual(2, (self, help) => mapDescriptor(self, withDescription5(help)));
var withSubcommands2 = /* @__PURE__ */ dual(2, (self, subcommands) => {
  const command = withSubcommands(self.descriptor, map2(subcommands, (_) => [_.tag, _.descriptor]));
  const subcommandMap = reduce(subcommands, /* @__PURE__ */ new Map(), (handlers, subcommand) => {
    handlers.set(subcommand.tag, subcommand);
    registeredDescriptors.set(subcommand.tag, subcommand.descriptor);
    return handlers;
  });
  function handler(args) {
    if (args.subcommand._tag === "Some") {
      const [tag, value2] = args.subcommand.value;
      const subcommand = subcommandMap.get(tag);
      const subcommandEffect = subcommand.transform(subcommand.handler(value2), value2);
      return provideService(subcommandEffect, self.tag, args);
    }
    return self.handler(args);
  }
  return makeDerive(self, {
    descriptor: command,
    handler
  });
});
var wizard7 = /* @__PURE__ */ dual(3, (self, prefix, config2) => wizard6(self.descriptor, prefix, config2));
var run3 = /* @__PURE__ */ dual(2, (self, config2) => {
  const app = make9({
    ...config2,
    command: self.descriptor
  });
  registeredDescriptors.set(self.tag, self.descriptor);
  const handler = (args) => self.transform(self.handler(args), args);
  return (args) => run2(app, args, handler);
});

// node_modules/@effect/cli/dist/esm/Command.js
var TypeId3 = TypeId2;
var fromDescriptor2 = fromDescriptor;
var getHelp9 = getHelp8;
var getNames4 = getNames3;
var getBashCompletions5 = getBashCompletions4;
var getFishCompletions6 = getFishCompletions5;
var getZshCompletions6 = getZshCompletions5;
var getSubcommands3 = getSubcommands2;
var getUsage7 = getUsage6;
var make11 = make10;
var prompt3 = prompt2;
var provide3 = provide2;
var provideEffect2 = provideEffect;
var provideEffectDiscard2 = provideEffectDiscard;
var provideSync2 = provideSync;
var transformHandler2 = transformHandler;
var withDescription7 = withDescription6;
var withHandler2 = withHandler;
var withSubcommands3 = withSubcommands2;
var wizard8 = wizard7;
var run4 = run3;

// src/cli/options.ts
var looksLikeOption = (value2) => value2.startsWith("--") || /^-[a-zA-Z]$/.test(value2);
var refuseOption = (what) => (value2) => looksLikeOption(value2) ? Effect_exports.fail(
  ValidationError_exports.missingValue(HelpDoc_exports.p(`${what} needs a value, but got the option '${value2}'`))
) : Effect_exports.succeed(value2);
var text11 = (name, description, pseudo = "text") => Options_exports.text(name).pipe(
  Options_exports.withPseudoName(pseudo),
  Options_exports.mapEffect(refuseOption(`--${name}`)),
  Options_exports.withDescription(description)
);
var positional = (name, description) => Args_exports.text({ name }).pipe(
  Args_exports.mapEffect(
    (value2) => looksLikeOption(value2) ? Effect_exports.fail(HelpDoc_exports.p(`expected <${name}>, got the option '${value2}' (does the option before it lack its value?)`)) : Effect_exports.succeed(value2)
  ),
  Args_exports.withDescription(description)
);
var opt = Option_exports.getOrUndefined;
var config = text11(
  "config",
  "Configuration file (default .alma/config.yaml; without it, the built-in defaults on the embedded store)",
  "file"
).pipe(Options_exports.optional);
var json = Options_exports.boolean("json").pipe(
  Options_exports.withDescription("Print machine-readable JSON (shapes in docs/cli.md)")
);
var agent = text11(
  "agent",
  "Agent name (must be configured under `agents:` unless allow_unknown_agents)",
  "name"
).pipe(Options_exports.withAlias("a"));
var agentFilter = text11("agent", "Only this agent's own memories", "name").pipe(
  Options_exports.withAlias("a"),
  Options_exports.optional
);
var optionalText = (name, description, pseudo) => text11(name, description, pseudo).pipe(Options_exports.optional);
var optionalInteger = (name, description, pseudo = "n") => Options_exports.integer(name).pipe(Options_exports.withPseudoName(pseudo), Options_exports.withDescription(description), Options_exports.optional);
var optionalNumber = (name, description, pseudo = "number") => Options_exports.float(name).pipe(Options_exports.withPseudoName(pseudo), Options_exports.withDescription(description), Options_exports.optional);
var kinds = optionalText(
  "kinds",
  "Memory kinds, comma-separated: heuristic,outcome,user_preference,domain_knowledge,anti_pattern (default all)",
  "kind,..."
);
var splitList = (value2) => Option_exports.match(value2, {
  onNone: () => void 0,
  onSome: (s) => s.split(",").map((x) => x.trim()).filter((x) => x.length > 0)
});

export {
  Options_exports,
  ValidationError_exports,
  Command_exports,
  refuseOption,
  text11 as text,
  positional,
  opt,
  config,
  json,
  agent,
  agentFilter,
  optionalText,
  optionalInteger,
  optionalNumber,
  kinds,
  splitList
};
