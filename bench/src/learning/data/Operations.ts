/**
 * Hand-written script: the database-migration and deployment agents. Written for this benchmark.
 *
 * @since 0.1.0
 */
import type { DomainSpec } from "../Model.js"

/**
 * Database-migration agent `marta`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const dbMigrations: DomainSpec = {
  domain: "db_migrations",
  agent: "marta",
  scenarios: [
    {
      key: "not-null",
      summary: "adding a required column to a large live table",
      tasks: [
        "Add a non-null status column to the 80M-row orders table",
        "Introduce a required tenant_id column on the events table",
        "Add a mandatory created_by column to invoices in production",
        "Make the customers.email_verified flag a NOT NULL column",
        "Add a non-nullable region column to the shipments table",
        "Add a required currency code to the payments table"
      ],
      heldOut: [
        "Add a NOT NULL priority column to the very large tickets table",
        "Introduce a mandatory country column on the addresses table"
      ],
      success: {
        strategies: [
          "Added the column as nullable, backfilled it in batches of 10k, then added the NOT NULL constraint",
          "Three steps: nullable column, batched backfill with pauses, then SET NOT NULL once every row had a value",
          "Created it nullable first, filled existing rows in small chunks, validated, and only then enforced not-null",
          "expand/contract: add nullable, backfill job in batches, add CHECK NOT VALID, VALIDATE, then NOT NULL",
          "Ran the backfill in chunks after adding the column without the constraint; the constraint came in a later migration",
          "Split the change into add-nullable + chunked backfill + constraint migrations"
        ]
      },
      failure: {
        strategies: [
          "ALTER TABLE ... ADD COLUMN ... NOT NULL DEFAULT in one statement on the live table",
          "Added the column with NOT NULL and a default in a single migration during business hours",
          "One-shot migration: add the required column with a default value and let the database rewrite the table",
          "Ran a single ALTER adding the non-null column and a default across the whole table",
          "Put the NOT NULL column plus default in one DDL statement"
        ],
        errors: [
          "Lock timeout: ALTER TABLE held an ACCESS EXCLUSIVE lock for 14 minutes; API requests piled up",
          "Migration aborted after statement_timeout during the table rewrite of 80M rows",
          "Replication lag reached 40 minutes during the table rewrite"
        ]
      }
    },
    {
      key: "index",
      summary: "creating an index on a busy production table",
      tasks: [
        "Add an index on orders.customer_id in production",
        "Create an index to speed up the events lookup by device",
        "Index the sessions table by user and created_at",
        "Add a composite index for the invoice search query",
        "Speed up the slow report query with a new index",
        "Create a unique index on accounts.email without downtime"
      ],
      heldOut: [
        "Add an index on payments.merchant_id on the live database",
        "Create an index for the audit log queries by actor"
      ],
      success: {
        strategies: [
          "CREATE INDEX CONCURRENTLY outside a transaction, then checked the index was valid",
          "Built the index concurrently in a migration with the transaction disabled; verified indisvalid afterwards",
          "Used the concurrent index build (no transaction wrapper) so writes kept flowing",
          "Ran CREATE INDEX CONCURRENTLY as a standalone non-transactional migration and dropped and retried the invalid one once",
          "concurrent index creation, disable_ddl_transaction!, confirm it is valid",
          "Had the migration build the index with CONCURRENTLY, outside the migration's transaction, watching for locks"
        ]
      },
      failure: {
        strategies: [
          "Plain CREATE INDEX inside the migration transaction",
          "Created the index normally as part of the deploy migration",
          "Added the index with a regular CREATE INDEX statement on the busy table",
          "Used the ORM's add_index default in the release migration",
          "Built the index in the same transaction as the other schema changes"
        ],
        errors: [
          "Writes to the table were blocked for 9 minutes while the index built",
          "Checkout requests timed out: INSERTs waited on the index build lock",
          "Deploy stuck: the migration held a SHARE lock with a queue of blocked writers"
        ]
      }
    }
  ],
  templated: {
    strategy: "none",
    failures: [
      { task: "Rename the legacy_users table", error: "Views referencing legacy_users broke" },
      { task: "Drop the unused archive column from documents", error: "The application still selected archive; queries failed" },
      { task: "Change the price column from float to numeric", error: "Rounding differences in 3% of rows" },
      { task: "Partition the measurements table by month", error: "Foreign keys cannot reference the partitioned table" }
    ]
  },
  offTopic: [
    "Compose a haiku about autumn rain",
    "Recommend three novels for a long flight"
  ]
}

/**
 * Deployment agent `omar`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const deployment: DomainSpec = {
  domain: "deployment",
  agent: "omar",
  scenarios: [
    {
      key: "rollout",
      summary: "rolling out a new version of a service",
      tasks: [
        "Deploy version 2.4 of the checkout service to production",
        "Roll out the new recommendation service build",
        "Release the auth service update with the new session handling",
        "Ship the payments API hotfix to prod",
        "Upgrade the notification worker to the latest image",
        "Deploy the search frontend's new release"
      ],
      heldOut: [
        "Roll out the new version of the pricing service to production",
        "Release the updated user-profile service"
      ],
      success: {
        strategies: [
          "Canary to 5% of traffic, watched error rate and latency for 15 minutes, then ramped to 100%",
          "Started with a small canary, gated promotion on health checks and SLO metrics, rolled forward in steps",
          "Progressive rollout (5% -> 25% -> 100%) with automatic rollback if the 5xx rate rose",
          "Sent a slice of traffic to the new version first and only promoted it after the dashboards stayed green",
          "canary + metric analysis, then gradual promotion",
          "Rolled out behind a canary with readiness probes; promoted stage by stage while the error budget burn stayed flat"
        ]
      },
      failure: {
        strategies: [
          "Replaced all pods at once with the Recreate strategy",
          "Stopped the old version and started the new one everywhere simultaneously",
          "Pushed the new image to every instance in one go",
          "Did a big-bang deploy to all nodes at the same time",
          "Set maxUnavailable to 100% so the update would finish quickly"
        ],
        errors: [
          "502 Bad Gateway for 4 minutes while no instance was ready",
          "Full outage: the new version crashed on startup on every node",
          "The error rate spiked to 30% and the rollback took 12 minutes"
        ]
      }
    },
    {
      key: "config",
      summary: "changing a service's configuration or secrets",
      tasks: [
        "Rotate the database password used by the billing service",
        "Change the feature-flag endpoint URL in the API config",
        "Update the SMTP credentials for the mailer",
        "Switch the cache service to the new Redis host",
        "Apply the new rate-limit settings to the gateway",
        "Rotate the third-party API key of the maps integration"
      ],
      heldOut: [
        "Update the payment provider's webhook secret in production",
        "Change the log level setting of the order service"
      ],
      success: {
        strategies: [
          "Updated the secret, triggered a rolling restart of the deployment and checked the new value was loaded",
          "After changing the config map, ran kubectl rollout restart and verified the pods picked up the setting",
          "Changed the value, restarted pods gradually, confirmed via the /config endpoint that the new value was live",
          "Edited the secret then rolled the workload so fresh pods read it, with a check on the startup logs",
          "config change + rollout restart + verify",
          "Bumped a checksum annotation so the deployment rolled, then confirmed the service used the new credentials"
        ]
      },
      failure: {
        strategies: [
          "Edited the ConfigMap and assumed running pods would reload it",
          "Changed the secret in the cluster and waited for the app to notice",
          "Updated the environment variable in the config store without restarting anything",
          "Modified the mounted config and expected a hot reload",
          "Rotated the credential in the vault and left the running pods as they were"
        ],
        errors: [
          "Pods kept using the old password; authentication failed once the old one was revoked",
          "Stale configuration for 3 hours until a node was recycled",
          "Half the fleet used the new host, half the old one"
        ]
      }
    }
  ],
  templated: {
    strategy: "retry",
    failures: [
      { task: "Renew the TLS certificate of the public API", error: "Certificate chain incomplete" },
      { task: "Scale the worker pool for the Black Friday load", error: "CPU quota exceeded in the region" },
      { task: "Move the cron jobs to the new cluster", error: "A job ran twice at midnight" },
      { task: "Set up DNS for the new marketing site", error: "NXDOMAIN for www after 2 hours" }
    ]
  },
  offTopic: [
    "Organise the office potluck sign-up sheet",
    "Write a cover letter for a barista job"
  ]
}
