/**
 * Deliberately broken rules, to show the id-isolation property catches them: Storage wrappers that
 * ignore the project of by-id reads and deletes, or of workflow records. (The third broken rule, a
 * scope that fails open, is `allowUnknownAgents: true` in `WorldOptions`.)
 */
import { Effect, Layer } from "effect"
import type { MemoryId } from "../../../../src/domain/Ids.js"
import * as Storage from "../../../../src/services/Storage.js"
import { currentProjects } from "./runner.js"

const firstFound = (inner: Storage.Service, projectId: string, id: MemoryId) =>
  Effect.firstSuccessOf([projectId, ...currentProjects().filter((p) => p !== projectId)].map((p) => inner.get(p, id)))

/** `get`, `getMany` and `delete` look in every project of the run, not only in the one asked for. */
export const ignoreProjectById = (inner: Storage.Service): Storage.Service => ({
  ...inner,
  get: (projectId, id) => firstFound(inner, projectId, id),
  getMany: (projectId, ids) =>
    Effect.map(
      Effect.forEach(ids, (id) => Effect.option(firstFound(inner, projectId, id))),
      (found) => found.flatMap((o) => (o._tag === "Some" ? [o.value] : []))
    ),
  delete: (_projectId, deletions) =>
    Effect.map(Effect.forEach(currentProjects(), (p) => inner.delete(p, deletions)), (ns) => ns.reduce((a, b) => a + b, 0))
})

/** Workflow records are listed and deleted across every project of the run. */
export const ignoreProjectOfRecords = (inner: Storage.Service): Storage.Service => ({
  ...inner,
  listRecords: (_projectId, collection, parent) =>
    Effect.map(Effect.forEach(currentProjects(), (p) => inner.listRecords(p, collection, parent)), (rs) => rs.flat()),
  deleteRecords: (_projectId, collection, ids) =>
    Effect.map(
      Effect.forEach(currentProjects(), (p) => inner.deleteRecords(p, collection, ids)),
      (ns) => ns.reduce((a, b) => a + b, 0)
    )
})

/** The Storage in context, wrapped (the property's own checks read the wrapped storage too, as the engines do). */
export const wrapStorage = (wrap: (inner: Storage.Service) => Storage.Service) =>
  Layer.effect(Storage.Storage, Effect.map(Storage.Storage, wrap))
