// Camille's dashboard: users → payments, claims, policies → payments, the request the benchmarks measure.
export const DASHBOARD = `query Dashboard {
  me {
    id firstName lastName email
    policies {
      id number status renewalDate
      annualPremium { amountCents currency }
      nextDueDate nextPaymentAmount { amountCents currency }
      guarantees { code label ceiling { amountCents currency } deductible { amountCents currency } }
    }
    claims { id reference type status occurredOn }
    paymentSchedule { id dueDate status amount { amountCents currency } }
  }
}`;
