/**
 * Hand-written script: the data-pipeline and search-relevance agents. Written for this benchmark.
 *
 * @since 0.1.0
 */
import type { DomainSpec } from "../Model.js"

/**
 * Data-pipeline agent `priya`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const dataPipelines: DomainSpec = {
  domain: "data_pipelines",
  agent: "priya",
  scenarios: [
    {
      key: "rerun",
      summary: "rerunning or backfilling a scheduled load",
      tasks: [
        "Rerun the daily sales ingestion for 3 March after the source fix",
        "Backfill the clickstream job for last week",
        "Recover the failed nightly orders load",
        "Reprocess yesterday's payments extract",
        "Replay the hourly sensor ingestion for the outage window",
        "Re-run the marketing attribution job for January"
      ],
      heldOut: [
        "Rerun the inventory snapshot load for Sunday",
        "Backfill the support-ticket ingestion for the past ten days"
      ],
      success: {
        strategies: [
          "Made the load idempotent: overwrite the date partition instead of appending",
          "Wrote the output with INSERT OVERWRITE on the run date's partition so reruns replace the data",
          "Deleted the target day's rows and reloaded them in one transaction",
          "Used a MERGE keyed on the natural key so a rerun updates instead of duplicating",
          "partition overwrite by ds for the rerun",
          "Replaced the whole partition of that day atomically (write to staging, then swap)"
        ]
      },
      failure: {
        strategies: [
          "Appended the rerun's output to the table",
          "Just ran the job again in append mode",
          "Re-executed the pipeline, which inserts new rows each time",
          "Loaded the backfill with a plain INSERT INTO on top of the existing day",
          "Triggered the DAG again without clearing the earlier output"
        ],
        errors: [
          "The row count doubled for 3 March; revenue dashboards showed twice the sales",
          "Duplicate primary keys in the warehouse; the downstream dedup job failed",
          "Reports overstated clicks by 48%"
        ]
      }
    },
    {
      key: "drift",
      summary: "loading partner files whose columns change",
      tasks: [
        "Ingest the partner's weekly product CSV",
        "Load the vendor price feed into the warehouse",
        "Import the CRM export into the staging tables",
        "Process the new batch of survey result files",
        "Ingest the marketplace orders spreadsheet",
        "Load the logistics provider's delivery report"
      ],
      heldOut: [
        "Import the franchise sales files sent by the regional offices",
        "Load the affiliate network's monthly commission export"
      ],
      success: {
        strategies: [
          "Validated each file against an explicit schema contract and quarantined the rows that did not fit",
          "Declared the expected columns and types up front, rejected non-conforming records into an error table",
          "Checked headers and types against the registered schema before loading; bad rows went to quarantine with a reason",
          "Enforced a versioned schema on read and routed violations to a dead-letter bucket",
          "schema contract check + quarantine of invalid rows",
          "Compared the incoming columns with the agreed contract, failed fast on renamed columns, and isolated malformed rows"
        ]
      },
      failure: {
        strategies: [
          "Let the loader infer the schema from each file",
          "Used automatic type inference on every load",
          "Read the CSV with header auto-detection and whatever types pandas guessed",
          "Relied on schema autodetect in the warehouse load job",
          "Inferred the columns from the first 100 rows of each file"
        ],
        errors: [
          "Column shift: price loaded into the quantity column after the partner added a field",
          "Type mismatch: zip codes lost their leading zeros",
          "Load failed: column 'discount' inferred as INT, got '12.5%'"
        ]
      }
    }
  ],
  templated: {
    strategy: "tried again",
    failures: [
      { task: "Fix the timezone bug in the event timestamps", error: "Events from Sydney shifted by a day" },
      { task: "Speed up the nightly aggregation job", error: "The job still took 5 hours" },
      { task: "Deduplicate customer records across sources", error: "Merged two different customers named J. Smith" },
      { task: "Set up alerting for late-arriving data", error: "The alert fired 200 times overnight" }
    ]
  },
  offTopic: [
    "Suggest a name for a golden retriever puppy",
    "Describe how to repot a fiddle-leaf fig"
  ]
}

/**
 * Search-relevance agent `sofia`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const searchRelevance: DomainSpec = {
  domain: "search_relevance",
  agent: "sofia",
  scenarios: [
    {
      key: "vocabulary",
      summary: "queries that find nothing because users and the catalogue use different words",
      tasks: [
        "Fix zero results for 'sofa' when the catalogue says 'couch'",
        "Make 'tv' find television listings",
        "Customers searching 'sneakers' get nothing; products are tagged 'trainers'",
        "Improve results for 'laptop bag' vs 'notebook case'",
        "Handle 'hoodie' queries when items are named 'hooded sweatshirt'",
        "Reduce empty searches for abbreviations like 'usb c'"
      ],
      heldOut: [
        "Make 'cellphone' match products listed as 'mobile phone'",
        "Fix empty results when users type 'fridge' instead of 'refrigerator'"
      ],
      success: {
        strategies: [
          "Added a query-time synonym filter (sofa, couch) and checked the parse with the explain/analyze API",
          "Maintained a synonym set applied at search time, verified with _analyze that both terms produce the same tokens",
          "Introduced synonyms in the search analyzer and confirmed on the explain output that documents now match",
          "Mapped the user vocabulary to catalogue terms with a synonym graph filter at query time; validated via analyze",
          "synonym list at query time + analyze check",
          "Used search-time synonyms rather than reindexing, and inspected the token stream to confirm the mapping"
        ]
      },
      failure: {
        strategies: [
          "Boosted the title field by 10 so more products would match",
          "Raised the title boost and lowered minimum_should_match",
          "Cranked up the field weights on name and title",
          "Increased the title^ boost until something showed up",
          "Tweaked boosts on the product name field"
        ],
        errors: [
          "Still zero results for 'sofa', and 120 other queries lost their top result",
          "Precision dropped: 'apple' now returns apple-scented candles first",
          "No match, because boosts cannot create matches for missing terms"
        ]
      }
    },
    {
      key: "evaluation",
      summary: "judging a ranking change before shipping it",
      tasks: [
        "Decide whether to ship the new ranking model",
        "Evaluate the BM25 parameter change for the help-centre search",
        "Check if the learning-to-rank update improves results",
        "Assess the new freshness boost before release",
        "Validate the reranker change for the product search",
        "Compare the vector search prototype with keyword search"
      ],
      heldOut: [
        "Assess the new popularity signal in ranking before rollout",
        "Decide if the semantic reranker should go live"
      ],
      success: {
        strategies: [
          "Ran an offline evaluation on the judged query set and compared NDCG@10 before and after",
          "Measured the change against our relevance judgments (NDCG, MRR) and only shipped with a significant gain",
          "Scored both rankers on the labelled test queries, then A/B tested the winner",
          "Used the golden query set with graded judgments to compute NDCG for old vs new",
          "offline NDCG on judgments, then online A/B",
          "Built an evaluation run over a few hundred annotated queries, looked at per-query wins and losses, then ramped an experiment"
        ]
      },
      failure: {
        strategies: [
          "Eyeballed a handful of queries and shipped",
          "Tried five searches by hand; they looked better, so I released it",
          "Checked my favourite queries manually and approved the change",
          "Spot-checked results in the UI and deployed",
          "Judged it by looking at the top results for a few examples"
        ],
        errors: [
          "Click-through rate fell 8% in the week after release",
          "Long-tail queries regressed; support tickets about search doubled",
          "Rolled back after conversion dropped 3%"
        ]
      }
    }
  ],
  templated: {
    strategy: "n/a",
    failures: [
      { task: "Tune the autocomplete suggestions for brand names", error: "Suggested misspelled brands" },
      { task: "Index the new product reviews", error: "Reviews missing from 40% of products" },
      { task: "Add faceting by colour", error: "Facet counts did not match the results" },
      { task: "Fix the relevance of image search", error: "Images of the wrong category ranked first" }
    ]
  },
  offTopic: [
    "Write a limerick about a cat who loves jazz",
    "Give tips for training for a first marathon"
  ]
}
