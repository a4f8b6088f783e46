/**
 * Hand-written script: the form-testing and API-testing agents. Written for this benchmark;
 * paraphrases vary verbs, word order, detail and length the way agents' own reports do.
 *
 * @since 0.1.0
 */
import type { DomainSpec } from "../Model.js"

/**
 * Form-testing agent `helena`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const formTesting: DomainSpec = {
  domain: "form_testing",
  agent: "helena",
  scenarios: [
    {
      key: "submit",
      summary: "submitting a form in an end-to-end test",
      tasks: [
        "Test the login form submission",
        "Verify that the signup form posts the new account",
        "Check the password reset form sends the email",
        "E2E test: newsletter subscription form",
        "Make sure the checkout address form can be submitted",
        "Regression test for the contact-us form submit"
      ],
      heldOut: [
        "Test that the profile settings form saves changes",
        "Write an end-to-end check for the job application form submit"
      ],
      success: {
        strategies: [
          "Waited for the submit button to become enabled before clicking it, then asserted on the confirmation message",
          "Poll until the Submit control is clickable, click it, and check the success banner",
          "Only click submit once the button's disabled attribute is gone; then verify the response toast",
          "used an explicit wait on button state (enabled) prior to submitting; assertion on the thank-you text",
          "Before pressing the send button I waited for it to be interactable, then looked for the confirmation",
          "Let the form finish validating (button enabled) and then submit; confirm via the rendered success notice"
        ]
      },
      failure: {
        strategies: [
          "Added a fixed 2 second sleep before clicking submit",
          "sleep(3000) then click the submit button",
          "Paused for a hard-coded few seconds to let the page settle, then pressed Submit",
          "Used a static delay of 1.5s before submitting the form",
          "Waited a constant amount of time (time.sleep) and clicked submit without checking the button"
        ],
        errors: [
          "TimeoutError: confirmation banner not found after submit; the button was still disabled when clicked",
          "Flaky: passed locally, failed in CI because validation took longer than the fixed delay",
          "AssertionError: expected the success message, got 'Please fill in all required fields'"
        ]
      }
    },
    {
      key: "fields",
      summary: "locating the fields of a form",
      tasks: [
        "Fill in the shipping details form in the checkout flow",
        "Automate entering billing information on the payment page",
        "Populate the multi-step onboarding questionnaire",
        "Enter test data into the customer registration form",
        "Fill the loan application's personal details step",
        "Type values into the event booking form fields"
      ],
      heldOut: [
        "Fill out the insurance quote form with sample data",
        "Enter a new employee's details in the HR intake form"
      ],
      success: {
        strategies: [
          "Located each input by its visible label text (getByLabel) and typed the values",
          "Found the fields through their accessible names instead of the DOM structure, then filled them",
          "Query inputs by label / aria-label, e.g. getByRole('textbox', { name: 'City' }), and fill",
          "Selected form controls using the label associated with them and entered the data",
          "Targeted fields via their accessible label rather than CSS position; filled every one",
          "Used role + accessible name locators for each field and typed into them"
        ]
      },
      failure: {
        strategies: [
          "Selected inputs with positional CSS selectors like form > div:nth-child(3) input",
          "Used absolute XPath (/html/body/div[2]/form/div[4]/input) to reach each field",
          "Picked the fields by their index in the form (the 2nd, 3rd and 5th input)",
          "Relied on nth-of-type selectors copied from devtools to find the text boxes",
          "Grabbed inputs by DOM position because they had no ids"
        ],
        errors: [
          "NoSuchElementError: element not found after the layout added a promo banner",
          "Typed the postcode into the phone field after the fields were reordered",
          "Locator resolved to a hidden input; the form rejected the submission"
        ]
      }
    }
  ],
  templated: {
    strategy: "tried again",
    failures: [
      { task: "Test the file upload widget on the documents page", error: "Upload timed out after 30 s" },
      { task: "Check the date picker in the booking form", error: "Wrong month selected: expected March, got April" },
      { task: "Verify the captcha fallback on the registration page", error: "The captcha iframe never loaded" },
      { task: "Test the autocomplete on the city field", error: "The suggestions dropdown was empty" }
    ]
  },
  offTopic: [
    "Reconcile last month's vendor invoices with the general ledger",
    "Write a bedtime story for a five-year-old about a brave turtle"
  ]
}

/**
 * API-testing agent `victor`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const apiTesting: DomainSpec = {
  domain: "api_testing",
  agent: "victor",
  scenarios: [
    {
      key: "auth",
      summary: "calling endpoints that need authentication",
      tasks: [
        "Test the GET /orders endpoint for an authenticated customer",
        "Verify POST /invoices requires and accepts a valid token",
        "Contract test for the users service's /me route",
        "Check that the admin reports API returns data for an admin account",
        "Smoke test the payments API after the gateway upgrade",
        "Integration test for PATCH /subscriptions/{id}"
      ],
      heldOut: [
        "Test the DELETE /webhooks/{id} endpoint as a signed-in partner",
        "Verify the inventory API responds for an authorised warehouse client"
      ],
      success: {
        strategies: [
          "Requested a fresh OAuth access token with client credentials at the start of the run and sent it as a Bearer header",
          "Obtain a new token from /oauth/token in the test setup, then call the endpoint with Authorization: Bearer <token>",
          "Minted a short-lived token per test session via the client-credentials grant and attached it to every request",
          "fetch token in beforeAll (client_credentials), pass it in the auth header",
          "Authenticated programmatically before the suite: got a token from the identity provider, reused it only for that run",
          "Had the harness log in through the token endpoint first and inject the resulting bearer token into the calls"
        ]
      },
      failure: {
        strategies: [
          "Hard-coded the bearer token copied from the API docs into the test",
          "Reused a token pasted from Postman last week",
          "Put a static access token in the .env file and sent it with every request",
          "Used the example JWT from the README as the Authorization header",
          "Copied a token out of the browser's devtools and embedded it in the test file"
        ],
        errors: [
          "401 Unauthorized: token expired",
          "401 invalid_token: signature verification failed (token from another environment)",
          "403 Forbidden: the token lacks the orders:read scope"
        ]
      }
    },
    {
      key: "paging",
      summary: "reading every item of a paginated list endpoint",
      tasks: [
        "Verify GET /products returns every product across pages",
        "Export all customers through the paginated /customers API",
        "Test that the audit-log endpoint lists all events for a day",
        "Count every open ticket via the support API",
        "Check the search results API returns the full result set",
        "Download all transactions of an account from the ledger API"
      ],
      heldOut: [
        "Collect every shipment record from the logistics API",
        "Test that GET /comments returns all comments of a long thread"
      ],
      success: {
        strategies: [
          "Followed the next cursor returned in each response until it was null",
          "Kept requesting with the cursor from the previous page's links.next until no next link came back",
          "Iterate using the continuation token in the response body; stop when it's absent",
          "Paged through by passing along next_page_token each time, ending when the server stopped sending one",
          "Used the Link header's rel=next URL for every subsequent call until there was none",
          "walked the cursor chain (next) to the end instead of computing offsets"
        ]
      },
      failure: {
        strategies: [
          "Incremented ?page= from 1 and stopped at the first page with fewer than 50 items",
          "Computed offsets assuming a fixed page size of 100 (offset += 100)",
          "Looped page numbers up to total/limit from the first response",
          "Stepped the offset parameter by the default limit until an empty page",
          "Assumed 20 results per page and requested pages 1..N"
        ],
        errors: [
          "Missing 37 records: the page size changed to 25 server-side",
          "Duplicate ids across pages because new rows were inserted during the export",
          "400 Bad Request: an offset beyond 10000 is not supported"
        ]
      }
    }
  ],
  templated: {
    strategy: "retry",
    failures: [
      { task: "Test rate limiting on the /login endpoint", error: "Expected 429 after 10 requests, got 200" },
      { task: "Validate the webhook signature verification", error: "Signature mismatch: HMAC computed over re-serialised JSON" },
      { task: "Check that GraphQL introspection is disabled in production", error: "The introspection query returned the full schema" },
      { task: "Test a file download with a Range header", error: "Expected 206 Partial Content, got 200" }
    ]
  },
  offTopic: [
    "Plan a three-day hiking trip in the Dolomites",
    "Design a logo for a bakery called Crumb"
  ]
}
