/**
 * Hand-written script: the CI-maintenance and frontend-debugging agents. Written for this benchmark.
 *
 * @since 0.1.0
 */
import type { DomainSpec } from "../Model.js"

/**
 * CI agent `tariq` (flaky tests, dependency caches).
 *
 * @since 0.1.0
 * @category constructors
 */
export const ciFlakiness: DomainSpec = {
  domain: "ci_maintenance",
  agent: "tariq",
  scenarios: [
    {
      key: "flaky",
      summary: "a test that fails intermittently in CI",
      tasks: [
        "Fix the flaky UserServiceTest that fails about once in ten CI runs",
        "Investigate why the cart integration test fails intermittently on CI",
        "Stabilise the notification e2e spec that breaks randomly",
        "Find out why OrderRepositoryTest only fails when the whole suite runs",
        "Deal with the intermittent failure in the scheduler tests",
        "Make the session-timeout test reliable on the build agents"
      ],
      heldOut: [
        "Figure out why the billing tests fail every few pipeline runs",
        "Stop the search indexer test from failing now and then on CI"
      ],
      success: {
        strategies: [
          "Reran the suite locally with the same random seed and test order until it reproduced, then found the shared state leaking between tests",
          "Reproduce with the CI seed and ordering, bisect the test order, and isolate the test that mutates global state",
          "Quarantined the test, replayed the failing order from the CI log and fixed the leaked fixture",
          "Pinned the test order to the failing run's seed, found which earlier test left data behind, cleaned it up in teardown",
          "Bisected the test ordering from the failing job to locate cross-test pollution; reset the singleton between tests",
          "ran it in a loop with the recorded seed to reproduce, then fixed the order dependency"
        ]
      },
      failure: {
        strategies: [
          "Added automatic retries (retry the test up to 3 times) in the CI config",
          "Wrapped the flaky test in a retry decorator so it reruns on failure",
          "Marked the test with @flaky(reruns=3)",
          "Configured the runner to rerun failed tests twice before reporting",
          "Bumped jest.retryTimes(3) for the suite"
        ],
        errors: [
          "Still failed 1 in 30 runs, and a real regression was hidden behind a passing retry",
          "Retries tripled the job time and the test still failed on the third attempt",
          "The race condition remained; the bug reached production"
        ]
      }
    },
    {
      key: "cache",
      summary: "caching dependencies between CI runs",
      tasks: [
        "Speed up the Node build by caching node_modules in CI",
        "Cache the Gradle dependencies in the GitHub Actions workflow",
        "Reduce pip install time in the Python pipeline",
        "Set up dependency caching for the monorepo's CI",
        "Make the Rust CI job reuse the cargo registry between runs",
        "Cut the Maven download step out of every pipeline run"
      ],
      heldOut: [
        "Cache Composer packages in the PHP project's pipeline",
        "Speed up the Go build by caching the module download directory"
      ],
      success: {
        strategies: [
          "Keyed the dependency cache on a hash of the lockfile, with the OS in the key",
          "Used hashFiles('**/package-lock.json') as the cache key so it invalidates when deps change",
          "Cache key = runner OS + checksum of the lock file; restore-keys fall back to the OS prefix",
          "Derived the cache key from the lockfile digest, so a dependency bump produces a fresh cache",
          "Made the cache key depend on the lockfile's content hash (and nothing that changes per branch)",
          "hash of poetry.lock as cache key"
        ]
      },
      failure: {
        strategies: [
          "Keyed the cache on the branch name",
          "Used a fixed cache key ('deps-v1') for all builds",
          "Cache key was the git branch plus the date",
          "Saved the cache under the branch ref, restoring it for every later commit on that branch",
          "Restored whatever cache the main branch had, regardless of dependency changes"
        ],
        errors: [
          "Error: Cannot find module 'zod': a stale cache was restored after a dependency was added",
          "The build used an old version of the library; tests failed with an API mismatch",
          "ModuleNotFoundError after the lockfile update; the cache was never invalidated"
        ]
      }
    }
  ],
  templated: {
    strategy: "n/a",
    failures: [
      { task: "Investigate the out-of-disk error on the macOS runner", error: "No space left on device" },
      { task: "Fix the Docker layer push failing on the release job", error: "denied: requested access to the resource is denied" },
      { task: "Make the lint step fail on warnings", error: "Lint passed despite 14 warnings" },
      { task: "Upload coverage reports from the test job", error: "The coverage upload returned 422" }
    ]
  },
  offTopic: [
    "Translate the company's holiday announcement into Portuguese",
    "Suggest a weekly meal plan for a vegetarian family"
  ]
}

/**
 * Frontend-debugging agent `leo`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const frontendDebugging: DomainSpec = {
  domain: "frontend_debugging",
  agent: "leo",
  scenarios: [
    {
      key: "hydration",
      summary: "server-rendered markup that differs from the first client render",
      tasks: [
        "Fix the hydration mismatch warning on the product page",
        "Debug why the header flickers after server-side render",
        "Resolve 'Text content does not match server-rendered HTML' on the dashboard",
        "Investigate layout jumping on first load of the blog",
        "Fix the timestamp that renders differently on server and client",
        "Debug the SSR mismatch in the pricing table"
      ],
      heldOut: [
        "Fix the hydration error on the account settings page",
        "Find why the cookie banner renders twice after SSR"
      ],
      success: {
        strategies: [
          "Compared the server HTML with the first client render, found Date.now() in render, moved browser-only values into useEffect",
          "Diffed SSR output against the hydrated DOM and deferred the window-dependent code to after mount",
          "Rendered a stable placeholder on the server and computed the locale-specific value in an effect on the client",
          "Located the nondeterministic value (random id / current time) in the render path and made it identical on both sides",
          "View-source vs. DOM diff showed the mismatch; gated the client-only part behind a mounted flag",
          "moved the localStorage read out of render into useEffect so server and client markup agree"
        ]
      },
      failure: {
        strategies: [
          "Added suppressHydrationWarning to the element",
          "Silenced the hydration warning in the console",
          "Wrapped the component in suppressHydrationWarning and moved on",
          "Turned off the React dev warning for hydration mismatches",
          "Ignored the warning since it only appears in development"
        ],
        errors: [
          "The mismatch persisted: users still saw the wrong price flash for a second",
          "Event handlers attached to the wrong nodes; button clicks did nothing",
          "The layout shift stayed and CLS rose to 0.31"
        ]
      }
    },
    {
      key: "leak",
      summary: "memory that grows over a long session",
      tasks: [
        "Find the memory leak that makes the SPA slow after an hour",
        "Debug growing memory usage in the chart dashboard",
        "Investigate why the tab crashes after navigating between pages many times",
        "Fix the leak in the infinite-scroll feed",
        "Track down the memory growth in the map view",
        "Diagnose the slowdown of the chat window over a long session"
      ],
      heldOut: [
        "Find out why the kanban board gets sluggish after moving many cards",
        "Debug rising heap usage in the video player page"
      ],
      success: {
        strategies: [
          "Took heap snapshots before and after repeating the navigation, compared them and found detached DOM nodes held by a listener",
          "Recorded two heap snapshots, diffed retained objects, and removed the event listener that was never cleaned up",
          "Used the Memory panel's allocation timeline to find the growing array, then unsubscribed in the effect cleanup",
          "Compared snapshots across repeated mount/unmount cycles; the resize handler kept components alive, so I added cleanup",
          "heap snapshot diff -> detached nodes retained by an interval; cleared the interval on unmount",
          "Profiled memory with snapshots, followed the retainer path to a global cache and bounded it"
        ]
      },
      failure: {
        strategies: [
          "Wrapped components in React.memo and useMemo everywhere to reduce renders",
          "Added memoization to all selectors hoping memory would go down",
          "Guessed it was re-rendering and sprinkled useCallback over the handlers",
          "Optimised rendering with memo() on every list item",
          "Replaced state updates with memoized versions without profiling"
        ],
        errors: [
          "The heap still grew by 40 MB per hour; no change",
          "Memory kept climbing; the tab crashed after 50 navigations",
          "More memory used because of the extra memo caches"
        ]
      }
    }
  ],
  templated: {
    strategy: "same as before",
    failures: [
      { task: "Fix the broken dark-mode toggle in the navbar", error: "Theme reverted to light on reload" },
      { task: "Debug the font that fails to load in Safari", error: "Fallback font shown; CORS error on the woff2 file" },
      { task: "Make the modal trap keyboard focus", error: "Tab moved focus behind the modal" },
      { task: "Investigate the blurry icons on retina screens", error: "Icons still rendered from the 1x sprite" }
    ]
  },
  offTopic: [
    "Write a toast for my sister's wedding",
    "Explain the offside rule in football to a beginner"
  ]
}
