import { createRequire as __almaCreateRequire } from "node:module"; const require = __almaCreateRequire(import.meta.url);
import {
  BaseProto,
  Cause,
  Defect,
  DeferredTypeId,
  GenericTag,
  Literal,
  ParentSpan,
  Scope,
  Tag,
  TaggedError2 as TaggedError,
  _await2 as _await,
  _void,
  acquireUseRelease,
  acquireUseRelease2,
  add,
  addFinalizer,
  addFinalizer2,
  annotateLogs,
  appendAll2 as appendAll,
  catchAllCause,
  complete,
  currentContext,
  currentLoggers,
  decodeSync,
  defaultLogger,
  dual,
  effect,
  encodeSync,
  fail2 as fail,
  failCause2 as failCause,
  filter,
  flatMap3 as flatMap,
  foldLeftChunks,
  forEach2 as forEach,
  forkScoped,
  fromChannel,
  gen,
  getOption,
  getOrDefault,
  has,
  interrupt4 as interrupt,
  interruptible,
  isEffect,
  isFailure,
  isInterruptedOnly,
  isMailbox,
  join2 as join,
  logError,
  logWarning,
  make10 as make,
  make15 as make2,
  make16 as make3,
  map5 as map,
  map7 as map2,
  mapChunks,
  mapError,
  nominal,
  of2 as of,
  omit,
  onError,
  orDie,
  pipe,
  pipeArguments,
  prettyLoggerDefault,
  provideService,
  reduce2 as reduce,
  remove2 as remove,
  retry,
  run,
  runCollect,
  runFork,
  runFork2,
  runtime2 as runtime,
  scope,
  scoped,
  spaced,
  splitLines,
  succeed2 as succeed,
  succeed3 as succeed2,
  suspend,
  sync,
  tap,
  tapErrorCause,
  toArray,
  toChannel,
  try_,
  uninterruptibleMask,
  unsafeAdd,
  unwrapScoped,
  updateAs,
  updateContext,
  withFiberRuntime,
  zipRight
} from "./chunk-S5EEIEDT.js";

// node_modules/@effect/platform/dist/esm/internal/commandExecutor.js
var TypeId = /* @__PURE__ */ Symbol.for("@effect/platform/CommandExecutor");
var ProcessTypeId = /* @__PURE__ */ Symbol.for("@effect/platform/Process");
var ExitCode = /* @__PURE__ */ nominal();
var ProcessId = /* @__PURE__ */ nominal();
var CommandExecutor = /* @__PURE__ */ GenericTag("@effect/platform/CommandExecutor");
var makeExecutor = (start2) => {
  const stream2 = (command) => unwrapScoped(map2(start2(command), (process) => process.stdout));
  const streamLines2 = (command, encoding) => {
    const decoder = new TextDecoder(encoding);
    return splitLines(mapChunks(stream2(command), map((bytes) => decoder.decode(bytes))));
  };
  return {
    [TypeId]: TypeId,
    start: start2,
    exitCode: (command) => scoped(flatMap(start2(command), (process) => process.exitCode)),
    stream: stream2,
    string: (command, encoding = "utf-8") => {
      const decoder = new TextDecoder(encoding);
      return pipe(start2(command), flatMap((process) => run(process.stdout, collectUint8Array)), map2((bytes) => decoder.decode(bytes)), scoped);
    },
    lines: (command, encoding = "utf-8") => {
      return pipe(streamLines2(command, encoding), runCollect, map2(toArray));
    },
    streamLines: streamLines2
  };
};
var collectUint8Array = /* @__PURE__ */ foldLeftChunks(/* @__PURE__ */ new Uint8Array(), (bytes, chunk) => reduce(chunk, bytes, (acc, curr) => {
  const newArray = new Uint8Array(acc.length + curr.length);
  newArray.set(acc);
  newArray.set(curr, acc.length);
  return newArray;
}));

// node_modules/@effect/platform/dist/esm/internal/command.js
var CommandTypeId = /* @__PURE__ */ Symbol.for("@effect/platform/Command");
var flatten = (self) => Array.from(flattenLoop(self));
var flattenLoop = (self) => {
  switch (self._tag) {
    case "StandardCommand": {
      return of(self);
    }
    case "PipedCommand": {
      return appendAll(flattenLoop(self.left), flattenLoop(self.right));
    }
  }
};
var Proto = {
  [CommandTypeId]: CommandTypeId,
  pipe() {
    return pipeArguments(this, arguments);
  },
  ...BaseProto
};
var StandardProto = {
  ...Proto,
  _tag: "StandardCommand",
  toJSON() {
    return {
      _id: "@effect/platform/Command",
      _tag: this._tag,
      command: this.command,
      args: this.args,
      env: Object.fromEntries(this.env),
      extendEnv: this.extendEnv,
      cwd: this.cwd.toJSON(),
      shell: this.shell,
      gid: this.gid.toJSON(),
      uid: this.uid.toJSON()
    };
  }
};
var makeStandard = (options) => Object.assign(Object.create(StandardProto), options);
var PipedProto = {
  ...Proto,
  _tag: "PipedCommand",
  toJSON() {
    return {
      _id: "@effect/platform/Command",
      _tag: this._tag,
      left: this.left.toJSON(),
      right: this.right.toJSON()
    };
  }
};
var makePiped = (options) => Object.assign(Object.create(PipedProto), options);
var stdin = /* @__PURE__ */ dual(2, (self, input) => {
  switch (self._tag) {
    case "StandardCommand": {
      return makeStandard({
        ...self,
        stdin: input
      });
    }
    // For piped commands it only makes sense to provide `stdin` for the
    // left-most command as the rest will be piped in.
    case "PipedCommand": {
      return makePiped({
        ...self,
        left: stdin(self.left, input)
      });
    }
  }
});

// node_modules/@effect/platform/dist/esm/Command.js
var flatten2 = flatten;
var stdin2 = stdin;

// node_modules/@effect/platform/dist/esm/CommandExecutor.js
var CommandExecutor2 = CommandExecutor;
var ProcessTypeId2 = ProcessTypeId;
var ExitCode2 = ExitCode;
var ProcessId2 = ProcessId;
var makeExecutor2 = makeExecutor;

// node_modules/@effect/platform/dist/esm/Transferable.js
var Collector = class extends (/* @__PURE__ */ Tag("@effect/platform/Transferable/Collector")()) {
};
var unsafeMakeCollector = () => {
  let tranferables = [];
  const unsafeAddAll = (transfers) => {
    tranferables.push(...transfers);
  };
  const unsafeRead = () => tranferables;
  const unsafeClear = () => {
    const prev = tranferables;
    tranferables = [];
    return prev;
  };
  return Collector.of({
    unsafeAddAll,
    addAll: (transferables) => sync(() => unsafeAddAll(transferables)),
    unsafeRead,
    read: sync(unsafeRead),
    unsafeClear,
    clear: sync(unsafeClear)
  });
};

// node_modules/@effect/platform/dist/esm/internal/workerError.js
var WorkerErrorTypeId = /* @__PURE__ */ Symbol.for("@effect/platform/WorkerError");

// node_modules/@effect/platform/dist/esm/WorkerError.js
var WorkerErrorTypeId2 = WorkerErrorTypeId;
var WorkerError = class extends (/* @__PURE__ */ TaggedError()("WorkerError", {
  reason: /* @__PURE__ */ Literal("spawn", "decode", "send", "unknown", "encode"),
  cause: Defect
})) {
  /**
   * @since 1.0.0
   */
  [WorkerErrorTypeId2] = WorkerErrorTypeId2;
  /**
   * @since 1.0.0
   */
  static Cause = /* @__PURE__ */ Cause({
    error: this,
    defect: Defect
  });
  /**
   * @since 1.0.0
   */
  static encodeCause = /* @__PURE__ */ encodeSync(this.Cause);
  /**
   * @since 1.0.0
   */
  static decodeCause = /* @__PURE__ */ decodeSync(this.Cause);
  /**
   * @since 1.0.0
   */
  get message() {
    switch (this.reason) {
      case "send":
        return "An error occurred calling .postMessage";
      case "spawn":
        return "An error occurred while spawning a worker";
      case "decode":
        return "An error occurred during decoding";
      case "encode":
        return "An error occurred during encoding";
      case "unknown":
        return "An unexpected error occurred";
    }
  }
};

// node_modules/@effect/platform/dist/esm/internal/worker.js
var PlatformWorkerTypeId = /* @__PURE__ */ Symbol.for("@effect/platform/Worker/PlatformWorker");
var PlatformWorker = /* @__PURE__ */ GenericTag("@effect/platform/Worker/PlatformWorker");
var WorkerManagerTypeId = /* @__PURE__ */ Symbol.for("@effect/platform/Worker/WorkerManager");
var WorkerManager = /* @__PURE__ */ GenericTag("@effect/platform/Worker/WorkerManager");
var Spawner = /* @__PURE__ */ GenericTag("@effect/platform/Worker/Spawner");
var makeManager = /* @__PURE__ */ gen(function* () {
  const platform = yield* PlatformWorker;
  let idCounter = 0;
  return WorkerManager.of({
    [WorkerManagerTypeId]: WorkerManagerTypeId,
    spawn({
      encode,
      initialMessage
    }) {
      return gen(function* () {
        const id = idCounter++;
        let requestIdCounter = 0;
        const requestMap = /* @__PURE__ */ new Map();
        const collector = unsafeMakeCollector();
        const wrappedEncode = encode ? (message) => zipRight(collector.clear, provideService(encode(message), Collector, collector)) : succeed2;
        const readyLatch = yield* make();
        const backing = yield* platform.spawn(id);
        yield* backing.run((message) => {
          if (message[0] === 0) {
            return complete(readyLatch, _void);
          }
          return handleMessage(message[1]);
        }).pipe(onError((cause) => forEach(requestMap.values(), (mailbox) => DeferredTypeId in mailbox ? failCause(mailbox, cause) : mailbox.failCause(cause))), tapErrorCause(logWarning), retry(spaced(1e3)), annotateLogs({
          package: "@effect/platform",
          module: "Worker"
        }), interruptible, forkScoped);
        yield* addFinalizer2(() => zipRight(forEach(requestMap.values(), (mailbox) => DeferredTypeId in mailbox ? interrupt(mailbox) : mailbox.end, {
          discard: true
        }), sync(() => requestMap.clear())));
        const handleMessage = (response) => suspend(() => {
          const mailbox = requestMap.get(response[0]);
          if (!mailbox) return _void;
          switch (response[1]) {
            // data
            case 0: {
              return DeferredTypeId in mailbox ? succeed(mailbox, response[2][0]) : mailbox.offerAll(response[2]);
            }
            // end
            case 1: {
              if (response.length === 2) {
                return DeferredTypeId in mailbox ? interrupt(mailbox) : mailbox.end;
              }
              return DeferredTypeId in mailbox ? succeed(mailbox, response[2][0]) : zipRight(mailbox.offerAll(response[2]), mailbox.end);
            }
            // error / defect
            case 2:
            case 3: {
              if (response[1] === 2) {
                return DeferredTypeId in mailbox ? fail(mailbox, response[2]) : mailbox.fail(response[2]);
              }
              const cause = WorkerError.decodeCause(response[2]);
              return DeferredTypeId in mailbox ? failCause(mailbox, cause) : mailbox.failCause(cause);
            }
          }
        });
        const executeAcquire = (request, makeMailbox) => withFiberRuntime((fiber) => {
          const context = fiber.getFiberRef(currentContext);
          const span = getOption(context, ParentSpan).pipe(filter((span2) => span2._tag === "Span"));
          const id2 = requestIdCounter++;
          return makeMailbox.pipe(tap((mailbox) => {
            requestMap.set(id2, mailbox);
            return wrappedEncode(request).pipe(tap((payload) => backing.send([id2, 0, payload, span._tag === "Some" ? [span.value.traceId, span.value.spanId, span.value.sampled] : void 0], collector.unsafeRead())), catchAllCause((cause) => isMailbox(mailbox) ? mailbox.failCause(cause) : failCause(mailbox, cause)));
          }), map2((mailbox) => ({
            id: id2,
            mailbox
          })));
        });
        const executeRelease = ({
          id: id2
        }, exit) => {
          const release = sync(() => requestMap.delete(id2));
          return isFailure(exit) ? zipRight(orDie(backing.send([id2, 1])), release) : release;
        };
        const execute = (request) => fromChannel(acquireUseRelease2(executeAcquire(request, make2()), ({
          mailbox
        }) => toChannel(mailbox), executeRelease));
        const executeEffect = (request) => acquireUseRelease(executeAcquire(request, make()), ({
          mailbox
        }) => _await(mailbox), executeRelease);
        yield* _await(readyLatch);
        if (initialMessage) {
          yield* sync(initialMessage).pipe(flatMap(executeEffect), mapError((cause) => new WorkerError({
            reason: "spawn",
            cause
          })));
        }
        return {
          id,
          execute,
          executeEffect
        };
      });
    }
  });
});
var layerManager = /* @__PURE__ */ effect(WorkerManager, makeManager);
var makePlatform = () => (options) => PlatformWorker.of({
  [PlatformWorkerTypeId]: PlatformWorkerTypeId,
  spawn(id) {
    return gen(function* () {
      const spawn = yield* Spawner;
      let currentPort;
      const buffer = [];
      const run2 = (handler) => uninterruptibleMask((restore) => gen(function* () {
        const scope2 = yield* scope;
        const port = yield* options.setup({
          worker: spawn(id),
          scope: scope2
        });
        currentPort = port;
        yield* addFinalizer(scope2, sync(() => {
          currentPort = void 0;
        }));
        const runtime2 = (yield* runtime()).pipe(updateContext(omit(Scope)));
        const fiberSet = yield* make3();
        const runFork3 = runFork2(runtime2);
        yield* options.listen({
          port,
          scope: scope2,
          emit(data) {
            unsafeAdd(fiberSet, runFork3(handler(data)));
          },
          deferred: fiberSet.deferred
        });
        if (buffer.length > 0) {
          for (const [message, transfers] of buffer) {
            port.postMessage([0, message], transfers);
          }
          buffer.length = 0;
        }
        return yield* restore(join(fiberSet));
      }).pipe(scoped));
      const send = (message, transfers) => try_({
        try: () => {
          if (currentPort === void 0) {
            buffer.push([message, transfers]);
          } else {
            currentPort.postMessage([0, message], transfers);
          }
        },
        catch: (cause) => new WorkerError({
          reason: "send",
          cause
        })
      });
      return {
        run: run2,
        send
      };
    });
  }
});

// node_modules/@effect/platform/dist/esm/Worker.js
var makePlatform2 = makePlatform;
var PlatformWorker2 = PlatformWorker;
var layerManager2 = layerManager;

// node_modules/@effect/platform/dist/esm/Runtime.js
var defaultTeardown = (exit, onExit) => {
  onExit(isFailure(exit) && !isInterruptedOnly(exit.cause) ? 1 : 0);
};
var addPrettyLogger = (refs, fiberId) => {
  const loggers = getOrDefault(refs, currentLoggers);
  if (!has(loggers, defaultLogger)) {
    return refs;
  }
  return updateAs(refs, {
    fiberId,
    fiberRef: currentLoggers,
    value: loggers.pipe(remove(defaultLogger), add(prettyLoggerDefault))
  });
};
var makeRunMain = (f) => dual((args) => isEffect(args[0]), (effect2, options) => {
  const fiber = options?.disableErrorReporting === true ? runFork(effect2, {
    updateRefs: options?.disablePrettyLogger === true ? void 0 : addPrettyLogger
  }) : runFork(tapErrorCause(effect2, (cause) => {
    if (isInterruptedOnly(cause)) {
      return _void;
    }
    return logError(cause);
  }), {
    updateRefs: options?.disablePrettyLogger === true ? void 0 : addPrettyLogger
  });
  const teardown = options?.teardown ?? defaultTeardown;
  return f({
    fiber,
    teardown
  });
});

export {
  flatten2 as flatten,
  stdin2 as stdin,
  CommandExecutor2 as CommandExecutor,
  ProcessTypeId2 as ProcessTypeId,
  ExitCode2 as ExitCode,
  ProcessId2 as ProcessId,
  makeExecutor2 as makeExecutor,
  Collector,
  unsafeMakeCollector,
  WorkerError,
  makePlatform2 as makePlatform,
  PlatformWorker2 as PlatformWorker,
  layerManager2 as layerManager,
  makeRunMain
};
