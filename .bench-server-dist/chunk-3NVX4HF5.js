import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  CommandExecutor,
  ExitCode,
  PlatformWorker,
  ProcessId,
  ProcessTypeId,
  WorkerError,
  flatten,
  layerManager,
  makeExecutor,
  makePlatform,
  makeRunMain,
  stdin
} from "./chunk-ISN7HRKI.js";
import {
  Terminal
} from "./chunk-3G4U7EKN.js";
import {
  handleErrnoException,
  layer,
  layer2
} from "./chunk-HNHJBYPG.js";
import {
  BadArgument,
  BaseProto,
  FileSystem,
  Option_exports,
  Schema_exports,
  StreamTypeId,
  SystemError,
  _await2 as _await,
  _void,
  acquireRelease,
  acquireUseRelease,
  addFinalizer,
  addFinalizer2,
  as,
  asVoid2 as asVoid,
  async,
  catchAllCause,
  complete,
  constUndefined,
  constVoid,
  defaultRuntime,
  drain,
  dual,
  effect,
  embedInput,
  ensuring,
  ensuring3 as ensuring2,
  fail,
  fail3 as fail2,
  failCause,
  failCause2,
  flatMap3 as flatMap,
  flatMap5 as flatMap2,
  fnUntraced,
  forkDaemon,
  fromChannel,
  fromChannel2,
  fromEffect,
  fromNullable,
  gen,
  get5 as get,
  getOrElse,
  identity,
  ignore,
  interrupt3 as interrupt,
  interruptible,
  isDone,
  isSuccess,
  make10 as make2,
  make11 as make3,
  make15 as make4,
  make5 as make,
  map7 as map,
  match,
  mergeAll,
  negate,
  orElse2 as orElse,
  pipe,
  pipeThroughChannelOrFail,
  provide2 as provide,
  provideMerge,
  run,
  runForEachChunk,
  runFork,
  runFork2,
  runtime2 as runtime,
  scoped,
  scoped2,
  set2 as set,
  squash,
  succeed3 as succeed,
  succeed4 as succeed2,
  suspend,
  suspend2,
  sync,
  tap,
  timeout,
  transduce,
  try_,
  uninterruptible,
  unsafeDone,
  unsafeFromArray,
  unsafeMakeLatch,
  unwrapScoped,
  void_,
  void_2,
  write,
  zip,
  zipRight
} from "./chunk-S5EEIEDT.js";

// node_modules/@effect/platform-node-shared/dist/esm/internal/commandExecutor.js
import * as ChildProcess from "child_process";

// node_modules/@effect/platform-node-shared/dist/esm/internal/stream.js
import { Readable } from "stream";
var fromReadable = (evaluate, onError, options) => fromChannel(fromReadableChannel(evaluate, onError, options));
var toString = (readable, options) => {
  const maxBytesNumber = options.maxBytes ? Number(options.maxBytes) : void 0;
  return acquireUseRelease(sync(() => {
    const stream = readable();
    stream.setEncoding(options.encoding ?? "utf8");
    return stream;
  }), (stream) => async((resume) => {
    let string = "";
    let bytes = 0;
    stream.once("error", (err) => {
      resume(fail2(options.onFailure(err)));
    });
    stream.once("end", () => {
      resume(succeed(string));
    });
    stream.on("data", (chunk) => {
      string += chunk;
      bytes += Buffer.byteLength(chunk);
      if (maxBytesNumber && bytes > maxBytesNumber) {
        resume(fail2(options.onFailure(new Error("maxBytes exceeded"))));
      }
    });
  }), (stream) => sync(() => {
    if ("closed" in stream && !stream.closed) {
      stream.destroy();
    }
  }));
};
var toUint8Array = (readable, options) => {
  const maxBytesNumber = options.maxBytes ? Number(options.maxBytes) : void 0;
  return acquireUseRelease(sync(readable), (stream) => async((resume) => {
    let buffer = Buffer.alloc(0);
    let bytes = 0;
    stream.once("error", (err) => {
      resume(fail2(options.onFailure(err)));
    });
    stream.once("end", () => {
      resume(succeed(buffer));
    });
    stream.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      bytes += chunk.length;
      if (maxBytesNumber && bytes > maxBytesNumber) {
        resume(fail2(options.onFailure(new Error("maxBytes exceeded"))));
      }
    });
  }), (stream) => sync(() => {
    if ("closed" in stream && !stream.closed) {
      stream.destroy();
    }
  }));
};
var fromDuplex = (evaluate, onError, options) => suspend2(() => {
  const duplex = evaluate();
  if (!duplex.readable) {
    return void_2;
  }
  const exit = make(void 0);
  return embedInput(unsafeReadableRead(duplex, onError, exit, options), writeInput(duplex, (cause) => sync(() => set(exit, failCause(cause))), options));
});
var pipeThroughDuplex = /* @__PURE__ */ dual((args) => StreamTypeId in args[0], (self, duplex, onError, options) => pipeThroughChannelOrFail(self, fromDuplex(duplex, onError, options)));
var pipeThroughSimple = /* @__PURE__ */ dual(2, (self, duplex) => pipeThroughChannelOrFail(self, fromDuplex(duplex, (cause) => new SystemError({
  module: "Stream",
  method: "pipeThroughSimple",
  reason: "Unknown",
  cause
}))));
var fromReadableChannel = (evaluate, onError, options) => suspend2(() => unsafeReadableRead(evaluate(), onError, make(void 0), options));
var writeInput = (writable, onFailure, {
  encoding,
  endOnDone = true
} = {}, onDone = _void) => {
  const write2 = writeEffect(writable, encoding);
  const close = endOnDone ? async((resume) => {
    if ("closed" in writable && writable.closed) {
      resume(_void);
    } else {
      writable.once("finish", () => resume(_void));
      writable.end();
    }
  }) : _void;
  return {
    awaitRead: () => _void,
    emit: write2,
    error: (cause) => zipRight(close, onFailure(cause)),
    done: (_) => zipRight(close, onDone)
  };
};
var writeEffect = (writable, encoding) => (chunk) => chunk.length === 0 ? _void : async((resume) => {
  const iterator = chunk[Symbol.iterator]();
  let next = iterator.next();
  function loop() {
    const item = next;
    next = iterator.next();
    const success = writable.write(item.value, encoding);
    if (next.done) {
      resume(_void);
    } else if (success) {
      loop();
    } else {
      writable.once("drain", loop);
    }
  }
  loop();
});
var unsafeReadableRead = (readable, onError, exit, options) => {
  if (!readable.readable) {
    return void_2;
  }
  const latch = unsafeMakeLatch(false);
  function onReadable() {
    latch.unsafeOpen();
  }
  function onErr(err) {
    exit.current = fail(onError(err));
    latch.unsafeOpen();
  }
  function onEnd() {
    exit.current = void_;
    latch.unsafeOpen();
  }
  readable.on("readable", onReadable);
  readable.on("error", onErr);
  readable.on("end", onEnd);
  const chunkSize = options?.chunkSize ? Number(options.chunkSize) : void 0;
  const read = suspend2(function loop() {
    let item = readable.read(chunkSize);
    if (item === null) {
      if (exit.current) {
        return fromEffect(exit.current);
      }
      latch.unsafeClose();
      return flatMap2(latch.await, loop);
    }
    const arr = [item];
    while (true) {
      item = readable.read(chunkSize);
      if (item === null) {
        return flatMap2(write(unsafeFromArray(arr)), loop);
      }
      arr.push(item);
    }
  });
  return ensuring2(read, sync(() => {
    readable.off("readable", onReadable);
    readable.off("error", onErr);
    readable.off("end", onEnd);
    if (options?.closeOnDone !== false && "closed" in readable && !readable.closed) {
      readable.destroy();
    }
  }));
};
var StreamAdapter = class extends Readable {
  readLatch;
  fiber = void 0;
  constructor(runtime2, stream) {
    super({});
    this.readLatch = unsafeMakeLatch(false);
    this.fiber = runFork2(runtime2)(this.readLatch.whenOpen(runForEachChunk(stream, (chunk) => this.readLatch.whenOpen(sync(() => {
      if (chunk.length === 0) return;
      this.readLatch.unsafeClose();
      for (const item of chunk) {
        if (typeof item === "string") {
          this.push(item, "utf8");
        } else {
          this.push(item);
        }
      }
    })))));
    this.fiber.addObserver((exit) => {
      this.fiber = void 0;
      if (isSuccess(exit)) {
        this.push(null);
      } else {
        this.destroy(squash(exit.cause));
      }
    });
  }
  _read(_size) {
    this.readLatch.unsafeOpen();
  }
  _destroy(error, callback) {
    if (!this.fiber) {
      return callback(error);
    }
    runFork(interrupt(this.fiber)).addObserver((exit) => {
      callback(exit._tag === "Failure" ? squash(exit.cause) : error);
    });
  }
};
var toReadable = (stream) => map(runtime(), (runtime2) => new StreamAdapter(runtime2, stream));
var toReadableNever = (stream) => new StreamAdapter(defaultRuntime, stream);

// node_modules/@effect/platform-node-shared/dist/esm/internal/sink.js
var fromWritable = (evaluate, onError, options) => fromChannel2(fromWritableChannel(evaluate, onError, options));
var fromWritableChannel = (writable, onError, options) => flatMap2(zip(sync(() => writable()), make2()), ([writable2, deferred]) => embedInput(writableOutput(writable2, deferred, onError), writeInput(writable2, (cause) => failCause2(deferred, cause), options, complete(deferred, _void))));
var writableOutput = (writable, deferred, onError) => suspend(() => {
  function handleError(err) {
    unsafeDone(deferred, fail2(onError(err)));
  }
  writable.on("error", handleError);
  return ensuring(_await(deferred), sync(() => {
    writable.removeListener("error", handleError);
  }));
});

// node_modules/@effect/platform-node-shared/dist/esm/internal/commandExecutor.js
var inputToStdioOption = (stdin2) => typeof stdin2 === "string" ? stdin2 : "pipe";
var outputToStdioOption = (output) => typeof output === "string" ? output : "pipe";
var toError = (err) => err instanceof globalThis.Error ? err : new globalThis.Error(String(err));
var toPlatformError = (method, error, command) => {
  const flattened = flatten(command).reduce((acc, curr) => {
    const command2 = `${curr.command} ${curr.args.join(" ")}`;
    return acc.length === 0 ? command2 : `${acc} | ${command2}`;
  }, "");
  return handleErrnoException("Command", method)(error, [flattened]);
};
var ProcessProto = {
  [ProcessTypeId]: ProcessTypeId,
  ...BaseProto,
  toJSON() {
    return {
      _id: "@effect/platform/CommandExecutor/Process",
      pid: this.pid
    };
  }
};
var runCommand = (fileSystem) => (command) => {
  switch (command._tag) {
    case "StandardCommand": {
      const spawn2 = flatMap(make2(), (exitCode) => async((resume) => {
        const handle = ChildProcess.spawn(command.command, command.args, {
          stdio: [inputToStdioOption(command.stdin), outputToStdioOption(command.stdout), outputToStdioOption(command.stderr)],
          cwd: getOrElse(command.cwd, constUndefined),
          shell: command.shell,
          env: command.extendEnv ? {
            ...process.env,
            ...Object.fromEntries(command.env)
          } : Object.fromEntries(command.env),
          detached: process.platform !== "win32"
        });
        handle.on("error", (err) => {
          resume(fail2(toPlatformError("spawn", err, command)));
        });
        handle.on("exit", (...args) => {
          unsafeDone(exitCode, succeed(args));
        });
        handle.on("spawn", () => {
          resume(succeed([handle, exitCode]));
        });
        return sync(() => {
          handle.kill("SIGTERM");
        });
      }));
      const killProcessGroup = process.platform === "win32" ? (handle, _) => async((resume) => {
        ChildProcess.exec(`taskkill /pid ${handle.pid} /T /F`, (error) => {
          if (error) {
            resume(fail2(toPlatformError("kill", toError(error), command)));
          } else {
            resume(_void);
          }
        });
      }) : (handle, signal) => try_({
        try: () => process.kill(-handle.pid, signal),
        catch: (error) => toPlatformError("kill", toError(error), command)
      });
      const killProcess = (handle, signal) => suspend(() => handle.kill(signal) ? _void : fail2(toPlatformError("kill", new globalThis.Error("Failed to kill process"), command)));
      return pipe(
        // Validate that the directory is accessible
        match(command.cwd, {
          onNone: () => _void,
          onSome: (dir) => fileSystem.access(dir)
        }),
        zipRight(acquireRelease(spawn2, ([handle, exitCode]) => flatMap(isDone(exitCode), (done) => {
          if (!done) {
            return killProcessGroup(handle, "SIGTERM").pipe(orElse(() => killProcess(handle, "SIGTERM")), zipRight(_await(exitCode)), ignore);
          }
          return flatMap(_await(exitCode), ([code]) => {
            if (code !== 0 && code !== null) {
              return killProcessGroup(handle, "SIGTERM").pipe(ignore);
            }
            return _void;
          });
        }))),
        map(([handle, exitCodeDeferred]) => {
          let stdin2 = drain;
          if (handle.stdin !== null) {
            stdin2 = fromWritable(() => handle.stdin, (err) => toPlatformError("toWritable", toError(err), command));
          }
          const exitCode = flatMap(_await(exitCodeDeferred), ([code, signal]) => {
            if (code !== null) {
              return succeed(ExitCode(code));
            }
            return fail2(toPlatformError("exitCode", new globalThis.Error(`Process interrupted due to receipt of signal: ${signal}`), command));
          });
          const isRunning = negate(isDone(exitCodeDeferred));
          const kill = (signal = "SIGTERM") => killProcessGroup(handle, signal).pipe(orElse(() => killProcess(handle, signal)), zipRight(asVoid(_await(exitCodeDeferred))));
          const pid = ProcessId(handle.pid);
          const stderr = fromReadable(() => handle.stderr, (err) => toPlatformError("fromReadable(stderr)", toError(err), command));
          let stdout = fromReadable(() => handle.stdout, (err) => toPlatformError("fromReadable(stdout)", toError(err), command));
          if (typeof command.stdout !== "string") {
            stdout = transduce(stdout, command.stdout);
          }
          return Object.assign(Object.create(ProcessProto), {
            pid,
            exitCode,
            isRunning,
            kill,
            stdin: stdin2,
            stderr,
            stdout
          });
        }),
        typeof command.stdin === "string" ? identity : tap((process2) => forkDaemon(run(command.stdin, process2.stdin)))
      );
    }
    case "PipedCommand": {
      const flattened = flatten(command);
      if (flattened.length === 1) {
        return pipe(flattened[0], runCommand(fileSystem));
      }
      const head = flattened[0];
      const tail = flattened.slice(1);
      const initial = tail.slice(0, tail.length - 1);
      const last = tail[tail.length - 1];
      const stream = initial.reduce((stdin2, command2) => pipe(stdin(command2, stdin2), runCommand(fileSystem), map((process2) => process2.stdout), unwrapScoped), pipe(runCommand(fileSystem)(head), map((process2) => process2.stdout), unwrapScoped));
      return pipe(stdin(last, stream), runCommand(fileSystem));
    }
  }
};
var layer3 = /* @__PURE__ */ effect(CommandExecutor, /* @__PURE__ */ pipe(FileSystem, /* @__PURE__ */ map((fileSystem) => makeExecutor(runCommand(fileSystem)))));

// node_modules/@effect/platform-node-shared/dist/esm/NodeCommandExecutor.js
var layer4 = layer3;

// node_modules/@effect/platform-node-shared/dist/esm/internal/terminal.js
import * as readline from "readline";
var defaultShouldQuit = (input) => input.key.ctrl && (input.key.name === "c" || input.key.name === "d");
var make5 = /* @__PURE__ */ fnUntraced(function* (shouldQuit = defaultShouldQuit) {
  const stdin2 = process.stdin;
  const stdout = process.stdout;
  const rlRef = yield* make3({
    acquire: acquireRelease(sync(() => {
      const rl = readline.createInterface({
        input: stdin2,
        escapeCodeTimeout: 50
      });
      readline.emitKeypressEvents(stdin2, rl);
      if (stdin2.isTTY) {
        stdin2.setRawMode(true);
      }
      return rl;
    }), (rl) => sync(() => {
      if (stdin2.isTTY) {
        stdin2.setRawMode(false);
      }
      rl.close();
    }))
  });
  const columns = sync(() => stdout.columns ?? 0);
  const rows = sync(() => stdout.rows ?? 0);
  const isTTY = sync(() => Boolean(stdout.isTTY));
  const readInput = gen(function* () {
    yield* get(rlRef);
    const mailbox = yield* make4();
    const handleKeypress = (s, k) => {
      const userInput = {
        input: fromNullable(s),
        key: {
          name: k.name ?? "",
          ctrl: !!k.ctrl,
          meta: !!k.meta,
          shift: !!k.shift
        }
      };
      mailbox.unsafeOffer(userInput);
      if (shouldQuit(userInput)) {
        mailbox.unsafeDone(void_);
      }
    };
    yield* addFinalizer2(() => sync(() => stdin2.off("keypress", handleKeypress)));
    stdin2.on("keypress", handleKeypress);
    return mailbox;
  });
  const readLine = get(rlRef).pipe(flatMap((readlineInterface) => async((resume) => {
    const onLine = (line) => resume(succeed(line));
    readlineInterface.once("line", onLine);
    return sync(() => readlineInterface.off("line", onLine));
  })), scoped);
  const display = (prompt) => uninterruptible(async((resume) => {
    stdout.write(prompt, (err) => err ? resume(fail2(new BadArgument({
      module: "Terminal",
      method: "display",
      description: "Failed to write prompt to stdout",
      cause: err
    }))) : resume(_void));
  }));
  return Terminal.of({
    columns,
    rows,
    isTTY,
    readInput,
    readLine,
    display
  });
});
var layer5 = /* @__PURE__ */ scoped2(Terminal, /* @__PURE__ */ make5(defaultShouldQuit));

// node_modules/@effect/platform-node-shared/dist/esm/NodeTerminal.js
var layer6 = layer5;

// node_modules/@effect/platform-node/dist/esm/internal/worker.js
var platformWorkerImpl = /* @__PURE__ */ makePlatform()({
  setup({
    scope,
    worker
  }) {
    return flatMap(make2(), (exitDeferred) => {
      const thing = "postMessage" in worker ? {
        postMessage(msg, t) {
          worker.postMessage(msg, t);
        },
        kill: () => worker.terminate(),
        worker
      } : {
        postMessage(msg, _) {
          worker.send(msg);
        },
        kill: () => worker.kill("SIGKILL"),
        worker
      };
      worker.on("exit", () => {
        unsafeDone(exitDeferred, void_);
      });
      return as(addFinalizer(scope, suspend(() => {
        thing.postMessage([1]);
        return _await(exitDeferred);
      }).pipe(interruptible, timeout(5e3), catchAllCause(() => sync(() => thing.kill())))), thing);
    });
  },
  listen({
    deferred,
    emit,
    port
  }) {
    port.worker.on("message", (message) => {
      emit(message);
    });
    port.worker.on("messageerror", (cause) => {
      unsafeDone(deferred, new WorkerError({
        reason: "decode",
        cause
      }));
    });
    port.worker.on("error", (cause) => {
      unsafeDone(deferred, new WorkerError({
        reason: "unknown",
        cause
      }));
    });
    port.worker.on("exit", (code) => {
      unsafeDone(deferred, new WorkerError({
        reason: "unknown",
        cause: new Error(`exited with code ${code}`)
      }));
    });
    return _void;
  }
});
var layerWorker = /* @__PURE__ */ succeed2(PlatformWorker, platformWorkerImpl);
var layerManager2 = /* @__PURE__ */ provide(layerManager, layerWorker);

// node_modules/@effect/platform-node/dist/esm/NodeWorker.js
var layerManager3 = layerManager2;

// node_modules/@effect/platform-node/dist/esm/NodeContext.js
var layer8 = /* @__PURE__ */ pipe(/* @__PURE__ */ mergeAll(layer2, layer4, layer6, layerManager3), /* @__PURE__ */ provideMerge(layer));

// node_modules/@effect/platform-node-shared/dist/esm/internal/runtime.js
var runMain = /* @__PURE__ */ makeRunMain(({
  fiber,
  teardown
}) => {
  const keepAlive = setInterval(constVoid, 2 ** 31 - 1);
  let receivedSignal = false;
  fiber.addObserver((exit) => {
    if (!receivedSignal) {
      process.removeListener("SIGINT", onSigint);
      process.removeListener("SIGTERM", onSigint);
    }
    clearInterval(keepAlive);
    teardown(exit, (code) => {
      if (receivedSignal || code !== 0) {
        process.exit(code);
      }
    });
  });
  function onSigint() {
    receivedSignal = true;
    process.removeListener("SIGINT", onSigint);
    process.removeListener("SIGTERM", onSigint);
    fiber.unsafeInterruptAsFork(fiber.id());
  }
  process.on("SIGINT", onSigint);
  process.on("SIGTERM", onSigint);
});

// node_modules/@effect/platform-node-shared/dist/esm/NodeRuntime.js
var runMain2 = runMain;

// node_modules/@effect/platform-node/dist/esm/NodeRuntime.js
var runMain3 = runMain2;

// src/internal/version.ts
import { readFileSync } from "fs";
var decodePackage = Schema_exports.decodeUnknownOption(
  Schema_exports.parseJson(Schema_exports.Struct({ name: Schema_exports.Literal("alma-memory"), version: Schema_exports.String }))
);
var version = ["../../package.json", "../../../package.json"].reduce(
  (found, candidate) => Option_exports.orElse(found, () => {
    try {
      const text = readFileSync(new URL(candidate, import.meta.url), "utf8");
      return Option_exports.map(decodePackage(text), (pkg) => pkg.version);
    } catch {
      return Option_exports.none();
    }
  }),
  Option_exports.none()
);
var versionString = Option_exports.getOrElse(version, () => "unknown");

export {
  fromReadable,
  toString,
  toUint8Array,
  fromDuplex,
  pipeThroughDuplex,
  pipeThroughSimple,
  fromReadableChannel,
  toReadable,
  toReadableNever,
  fromWritable,
  fromWritableChannel,
  layer8 as layer,
  runMain3 as runMain,
  versionString
};
