import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { assembleAlfworldRun, decodeAlfworldResults, goalFromReflection, trialFromName } from "../../src/reflexion/Alfworld.js"
import { detectFormat, loadDataset, quickSlice } from "../../src/reflexion/Dataset.js"
import { parseHotpotLog } from "../../src/reflexion/HotpotQA.js"
import { planOf, summarize, toName } from "../../src/reflexion/Model.js"
import { parseProgrammingJsonl } from "../../src/reflexion/Programming.js"
import { solvedByTrial } from "../../src/reflexion/Report.js"

const fixtures = fileURLToPath(new URL("../../../test/fixtures/reflexion", import.meta.url))
const read = (file: string) => readFileSync(join(fixtures, file), "utf8")

describe("HotPotQA ReAct logs", () => {
  const run = parseHotpotLog(read("hotpot/reflexion_log.txt"), "hotpot/reflexion_log.txt")

  it("one task per question, attempts up to the first success, retry suffix removed", () => {
    assert.strictEqual(run.family, "hotpotqa")
    assert.strictEqual(run.order, "trial-major")
    assert.isFalse(run.control)
    assert.deepStrictEqual(run.tasks.map((t) => t.key), [
      "Which river flows through the capital of Austria?",
      "Who directed the film in which the lighthouse keeper Thomas Wake appears?",
      "In what year was the founder of the Bauhaus school born?"
    ])
    assert.deepStrictEqual(run.tasks.map((t) => t.attempts.map((a) => [a.trial, a.success])), [
      [[1, true]],
      [[1, false], [2, true]],
      [[1, false], [2, false], [3, false]]
    ])
    assert.isTrue(run.notes.some((n) => n.startsWith("3 entries of already-solved questions skipped")))
  })

  it("new reflection bullets attach to the failed attempt before them; continuation lines join their bullet", () => {
    const [, film, bauhaus] = run.tasks
    assert.deepStrictEqual(film!.attempts[0]!.lessonsAfter, [
      "I guessed the director without searching the film. I should have searched The Lighthouse (2019 film) from the similar results before answering."
    ])
    assert.deepStrictEqual(bauhaus!.attempts.map((a) => a.lessonsAfter), [
      ["I got stuck looking up 'born' on the Bauhaus page. Instead I should have searched Walter Gropius directly."],
      ["I found the year 1883 but answered 1884. Next time I will answer exactly what the page says."],
      []
    ])
  })

  it("describes attempts by their actions; halted and incorrect are failures with their reason", () => {
    const bauhaus = run.tasks[2]!
    assert.strictEqual(bauhaus.attempts[0]!.strategy, "ReAct trace (halted before a final answer): Search[Bauhaus] → Lookup[born]")
    assert.match(bauhaus.attempts[0]!.errorMessage!, /^Halted/)
    assert.strictEqual(bauhaus.attempts[1]!.errorMessage, "Answer is INCORRECT")
    assert.strictEqual(run.tasks[0]!.attempts[0]!.feedback, "Answer is CORRECT")
  })

  it("a log without reflections is a control", () => {
    const base = parseHotpotLog(read("hotpot/base_log.txt"), "hotpot/base_log.txt")
    assert.isTrue(base.control)
    assert.deepStrictEqual(solvedByTrial(base), [{ trial: 1, solved: 1 }, { trial: 2, solved: 1 }])
  })
})

describe("programming JSONL", () => {
  const run = parseProgrammingJsonl(read("programming/tiny.jsonl"), "programming/tiny.jsonl")

  it("k reflections = k failed attempts, then the final attempt judged by is_solved", () => {
    assert.strictEqual(run.family, "humaneval")
    assert.strictEqual(run.order, "task-major")
    assert.deepStrictEqual(run.tasks.map((t) => t.key), ["HumanEval/900", "HumanEval/901", "HumanEval/902"])
    assert.deepStrictEqual(run.tasks.map((t) => t.attempts.map((a) => a.success)), [[true], [false, false, true], [false, false]])
    assert.deepStrictEqual(run.tasks[1]!.attempts.map((a) => a.lessonsAfter.length), [1, 1, 0])
    assert.match(run.tasks[2]!.attempts[1]!.strategy, /^Final solution for median:\n {4}return values/)
    assert.strictEqual(run.tasks[2]!.attempts[1]!.errorMessage, "Failed the hidden tests")
    assert.match(run.tasks[0]!.task, /^def add\(a: int, b: int\)/)
  })
})

describe("ALFWorld env results", () => {
  const files = ["run_trial_0.json", "run_trial_10.json", "run_trial_2.json"].map((f) => ({
    path: `alfworld/${f}`,
    envs: decodeAlfworldResults(read(`alfworld/${f}`))!
  }))
  const run = assembleAlfworldRun("alfworld", files)

  it("trial numbers from trial_<n>, numerically ordered; attempts until the first success; new memory = lessons", () => {
    assert.strictEqual(trialFromName("x/run_trial_10.json"), 10)
    assert.isUndefined(trialFromName("results.txt"))
    assert.deepStrictEqual(run.files, ["alfworld/run_trial_0.json", "alfworld/run_trial_2.json", "alfworld/run_trial_10.json"])
    assert.deepStrictEqual(run.tasks.map((t) => t.attempts.map((a) => [a.trial, a.success, a.lessonsAfter.length])), [
      [[0, true, 0]],
      [[0, false, 1], [2, true, 0]],
      [[0, false, 1], [2, false, 1], [10, false, 1]]
    ])
  })

  it("task text: env id plus the goal reconstructed from the first reflection; env id alone as the variant", () => {
    assert.strictEqual(run.tasks[0]!.task, "ALFWorld env_0")
    assert.strictEqual(run.tasks[1]!.task, "ALFWorld env_1: find a mug then heat it with microwave, then put it in cabinet")
    assert.strictEqual(run.tasks[2]!.task, "ALFWorld env_2: taken pen 1 from drawer 2, then put it in shelf 1")
    assert.deepStrictEqual(run.tasks[2]!.altTask, { label: "env id only", text: "ALFWorld env_2" })
    assert.strictEqual(goalFromReflection("Nothing worked. It was hard."), "Nothing worked.")
  })

  it("rejects JSON that is not a non-empty array of {name, memory, is_success}", () => {
    assert.isUndefined(decodeAlfworldResults("[]"))
    assert.isUndefined(decodeAlfworldResults(`[{"name": "env_0", "memory": []}]`))
  })
})

describe("detection by content", () => {
  it("recognises each format whatever the file is called", () => {
    assert.strictEqual(detectFormat(read("renamed/qa_log.json")), "hotpotqa-react-log")
    assert.strictEqual(detectFormat(read("renamed/results.txt")), "alfworld-env-results")
    assert.strictEqual(detectFormat(read("programming/tiny.jsonl")), "programming-jsonl")
    assert.isUndefined(detectFormat(read("README.md")))
    assert.isUndefined(detectFormat(`{"prompt": "x"}`))
  })

  it.effect("loads a folder recursively: runs by content, ALFWorld files grouped per folder, controls flagged", () =>
    Effect.gen(function*() {
      const dataset = yield* loadDataset(fixtures)
      assert.deepStrictEqual(
        dataset.runs.map((r) => [r.id, r.format, r.control, r.tasks.length]),
        [
          ["alfworld", "alfworld-env-results", false, 3],
          ["hotpot/base_log.txt", "hotpotqa-react-log", true, 2],
          ["hotpot/reflexion_log.txt", "hotpotqa-react-log", false, 3],
          ["programming/tiny.jsonl", "programming-jsonl", false, 3],
          ["renamed", "alfworld-env-results", false, 2],
          ["renamed/qa_log.json", "hotpotqa-react-log", false, 1]
        ]
      )
      assert.deepStrictEqual(dataset.files.find((f) => f.path === "README.md"), { path: "README.md" })
      assert.isTrue(dataset.runs.find((r) => r.id === "renamed")!.notes.some((n) => n.includes("file order")))
    }))

  it.effect("a folder with nothing recognisable is a ReflexionDatasetError", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(loadDataset(join(fixtures, "does-not-exist")))
      assert.strictEqual(error._tag, "ReflexionDatasetError")
    }))
})

describe("helpers", () => {
  it("planOf keeps the sentences that say what to do instead", () => {
    assert.strictEqual(
      planOf("I searched the wrong page. I should have searched the film. It was a loop."),
      "I should have searched the film."
    )
    assert.strictEqual(planOf("The loop never ended."), "The loop never ended.")
  })

  it("summarize drops import lines and cuts; toName makes valid agent names", () => {
    assert.strictEqual(summarize("from typing import List\n\ndef f(x: List[int]) -> int:\n    pass"), "def f(x: List[int]) -> int: pass")
    assert.strictEqual(summarize("a".repeat(400)).length, 300)
    assert.strictEqual(toName("hotpotqa.100 questions/5 trials"), "hotpotqa.100_questions_5_trials")
    assert.strictEqual(toName("--x"), "x")
  })

  it("quickSlice keeps the first n tasks with lessons and the first n without", () => {
    const run = parseHotpotLog(read("hotpot/reflexion_log.txt"), "r")
    assert.deepStrictEqual(quickSlice(run, 1, 1).tasks.map((t) => t.attempts.length), [1, 2])
    assert.strictEqual(quickSlice(run).tasks.length, 3)
  })
})
