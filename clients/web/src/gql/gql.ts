/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      __typename\n      ... on PasswordChanged { message }\n      ... on PasswordRejected { message reasons }\n      ... on Error { message }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation StepUpConfirmIdentity($password: String!) {\n    confirmIdentity(password: $password) {\n      __typename\n      ... on Error { message }\n    }\n  }\n": typeof types.StepUpConfirmIdentityDocument,
    "\n  mutation StartTwoFactorEnrolment {\n    startTwoFactorEnrolment { qrCode secret }\n  }\n": typeof types.StartTwoFactorEnrolmentDocument,
    "\n  mutation ConfirmTwoFactorEnrolment($code: String!) {\n    confirmTwoFactorEnrolment(code: $code) {\n      __typename\n      ... on TwoFactorEnabled { recoveryCodes }\n      ... on Error { message }\n    }\n  }\n": typeof types.ConfirmTwoFactorEnrolmentDocument,
    "\n  mutation DisableTwoFactor($password: String!, $code: String!) {\n    disableTwoFactor(password: $password, code: $code)\n  }\n": typeof types.DisableTwoFactorDocument,
    "\n  subscription ClaimEvents($after: String) {\n    claimStatusChanged(after: $after) {\n      cursor\n      status\n      at\n      claim {\n        id\n        status\n        indemnity { amountCents currency }\n        history { from to at note }\n      }\n    }\n  }\n": typeof types.ClaimEventsDocument,
    "\n  mutation QuotePolicyChange($input: PolicyChangeInput!) {\n    quotePolicyChange(input: $input) {\n      __typename\n      ... on PolicyChangeQuoted {\n        quote {\n          id\n          changes\n          effectiveDate\n          currentAnnualPremium { amountCents currency }\n          newAnnualPremium { amountCents currency }\n          annualDifference { amountCents currency }\n          proRata { amountCents currency }\n          validUntil\n        }\n      }\n      ... on InvalidPolicyChange { message field }\n      ... on Error { message }\n    }\n  }\n": typeof types.QuotePolicyChangeDocument,
    "\n  mutation ApplyPolicyChange($quoteId: ID!) {\n    applyPolicyChange(quoteId: $quoteId) {\n      __typename\n      ... on PolicyChangeApplied {\n        policy {\n          id\n          version\n          options\n          annualPremium { amountCents currency }\n          deductible { amountCents currency }\n          valuables { amountCents currency }\n          guarantees { id code label description mandatory ceiling { amountCents currency } deductible { amountCents currency } exclusions }\n          premiumLines { code label amount { amountCents currency } }\n          versions { version effectiveFrom reason annualPremium { amountCents currency } }\n        }\n        avenant { id title downloadUrl }\n      }\n      ... on Error { message }\n    }\n  }\n": typeof types.ApplyPolicyChangeDocument,
    "\n  subscription PaymentLiveEvents($after: String) {\n    paymentEvents(after: $after) {\n      cursor\n      kind\n    }\n  }\n": typeof types.PaymentLiveEventsDocument,
    "\n  subscription ProfileEvents($after: String) {\n    profileChanged(after: $after) {\n      cursor\n      changedFields\n      customer { id firstName lastName email phone }\n    }\n  }\n": typeof types.ProfileEventsDocument,
    "\n  mutation RegisterAccount($input: RegisterAccountInput!) {\n    registerAccount(input: $input) {\n      __typename\n      ... on RegistrationReceived { message }\n      ... on PasswordRejected { message reasons }\n    }\n  }\n": typeof types.RegisterAccountDocument,
    "\n  mutation ActivateAccount($token: String!) {\n    activateAccount(token: $token) {\n      __typename\n      ... on AccountActivated { message }\n      ... on InvalidToken { message }\n    }\n  }\n": typeof types.ActivateAccountDocument,
    "\n  mutation RequestActivationLink($contractNumber: String!) {\n    requestActivationLink(contractNumber: $contractNumber)\n  }\n": typeof types.RequestActivationLinkDocument,
    "\n  mutation RequestPasswordReset($contractNumber: String!) {\n    requestPasswordReset(contractNumber: $contractNumber)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation RequestSmsCode($contractNumber: String!) {\n    requestSmsCode(contractNumber: $contractNumber)\n  }\n": typeof types.RequestSmsCodeDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      __typename\n      ... on PasswordResetDone { message }\n      ... on InvalidToken { message }\n      ... on PasswordRejected { message reasons }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation ResetPasswordWithSmsCode($contractNumber: String!, $code: String!, $newPassword: String!) {\n    resetPasswordWithSmsCode(contractNumber: $contractNumber, code: $code, newPassword: $newPassword) {\n      __typename\n      ... on PasswordResetDone { message }\n      ... on InvalidToken { message }\n      ... on PasswordRejected { message reasons }\n    }\n  }\n": typeof types.ResetPasswordWithSmsCodeDocument,
    "\n  mutation ReportUnrecognisedSignIn($token: String!) {\n    reportUnrecognisedSignIn(token: $token)\n  }\n": typeof types.ReportUnrecognisedSignInDocument,
    "\n  query Account {\n    me {\n      id\n      firstName\n      lastName\n      email\n      phone\n      twoFactorEnabled\n      securityScore { score recommendations factors { key label ok } }\n      sessions { id device city country signedInAt lastSeenAt current }\n      loginHistory(first: 10) { at outcome city country device unrecognised }\n    }\n  }\n": typeof types.AccountDocument,
    "\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      __typename\n      ... on UpdateProfileSuccess { changedFields customer { id firstName lastName phone securityScore { score recommendations factors { key label ok } } } }\n      ... on InvalidProfile { message field }\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation ConfirmIdentity($password: String!) {\n    confirmIdentity(password: $password) {\n      __typename\n      ... on IdentityConfirmed { accessToken expiresAt }\n      ... on WrongCurrentPassword { message }\n    }\n  }\n": typeof types.ConfirmIdentityDocument,
    "\n  mutation RevokeSession($sessionId: ID!) {\n    revokeSession(sessionId: $sessionId)\n  }\n": typeof types.RevokeSessionDocument,
    "\n  query ClaimPage {\n    me {\n      id\n      claims {\n        id\n        reference\n        type\n        status\n        occurredOn\n        declaredAt\n        description\n        deadline\n        lateByWorkingDays\n        indemnity { amountCents currency }\n        policy { id number }\n        history { from to at note }\n        attachments { id filename contentType sizeBytes }\n      }\n    }\n  }\n": typeof types.ClaimPageDocument,
    "\n  query Claims {\n    me {\n      id\n      claims { id reference type status declaredAt policy { id number } }\n    }\n  }\n": typeof types.ClaimsDocument,
    "\n  query Contract {\n    me {\n      id\n      policies {\n        id\n        number\n        status\n        startDate\n        renewalDate\n        version\n        paymentFrequency\n        options\n        annualPremium { amountCents currency }\n        deductible { amountCents currency }\n        valuables { amountCents currency }\n        dwelling { addressLine postalCode city type surfaceM2 rooms occupancy residence }\n        guarantees { id code label description mandatory ceiling { amountCents currency } deductible { amountCents currency } exclusions }\n        premiumLines { code label amount { amountCents currency } }\n        versions { version effectiveFrom reason annualPremium { amountCents currency } }\n      }\n    }\n  }\n": typeof types.ContractDocument,
    "\n  query Dashboard {\n    me {\n      id\n      firstName\n      policies {\n        id\n        number\n        status\n        annualPremium { amountCents currency }\n        nextDueDate\n        nextPaymentAmount { amountCents currency }\n        dwelling { addressLine postalCode city }\n        guarantees { id label ceiling { amountCents currency } }\n      }\n      claims { id reference type status declaredAt }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query DeclarePolicies {\n    me { id policies { id number status dwelling { addressLine city } } }\n  }\n": typeof types.DeclarePoliciesDocument,
    "\n  query ClaimForm($type: ClaimType!) {\n    claimForm(type: $type) {\n      type\n      title\n      declarationDeadlineWorkingDays\n      questions {\n        id\n        label\n        help\n        kind\n        required\n        maxLength\n        options { value label }\n        showWhen { questionId equals }\n      }\n    }\n  }\n": typeof types.ClaimFormDocument,
    "\n  mutation DeclareClaim($input: DeclareClaimInput!) {\n    declareClaim(input: $input) {\n      __typename\n      ... on ClaimDeclared { claim { id reference status } }\n      ... on InvalidDeclaration { message errors { questionId message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.DeclareClaimDocument,
    "\n  mutation AttachToClaim($claimId: ID!, $filename: String!, $contentBase64: String!) {\n    addClaimAttachment(claimId: $claimId, filename: $filename, contentBase64: $contentBase64) {\n      __typename\n      ... on AttachmentAdded { attachment { id filename } }\n      ... on Error { message }\n    }\n  }\n": typeof types.AttachToClaimDocument,
    "\n  query Documents {\n    me {\n      id\n      policies { id number status }\n      documents { id kind title issuedAt sizeBytes downloadUrl policy { id number } }\n    }\n  }\n": typeof types.DocumentsDocument,
    "\n  mutation GenerateAttestation($policyId: ID!) {\n    generateAttestation(policyId: $policyId) {\n      __typename\n      ... on DocumentGenerated { document { id title downloadUrl } }\n      ... on Error { message }\n    }\n  }\n": typeof types.GenerateAttestationDocument,
    "\n  query SearchFile($query: String!, $first: Int) {\n    me { id search(query: $query, first: $first) { kind id title snippet target } }\n  }\n": typeof types.SearchFileDocument,
    "\n  query HelpCategories {\n    helpCategories { slug title description target articles { slug } }\n  }\n": typeof types.HelpCategoriesDocument,
    "\n  query HelpCategory($slug: String!) {\n    helpCategory(slug: $slug) {\n      ... on HelpCategory { slug title description articles { slug title target } }\n      ... on HelpCategoryNotFound { message }\n    }\n  }\n": typeof types.HelpCategoryDocument,
    "\n  query HelpArticle($slug: String!) {\n    helpArticle(slug: $slug) {\n      ... on HelpArticle {\n        slug\n        title\n        body\n        category { slug title target }\n        related { slug title target }\n      }\n      ... on HelpArticleNotFound { message }\n    }\n  }\n": typeof types.HelpArticleDocument,
    "\n  query Payments($year: Int) {\n    me {\n      id\n      policies { id number paymentFrequency }\n      paymentSchedule { id dueDate status amount { amountCents currency } policy { id number } }\n      paymentHistory(first: 50, year: $year) {\n        edges { cursor node { id paidAt status reference rejectionCode amount { amountCents currency } } }\n      }\n      paymentMethods { id kind label isDefault mandateReference cardExpiry }\n      arrears {\n        id dueDate rejectionCode explanation suggestions stage suspensionAt paidAt\n        amount { amountCents currency }\n      }\n    }\n  }\n": typeof types.PaymentsDocument,
    "\n  mutation ChangeDueDay($policyId: ID!, $day: Int!, $confirm: Boolean) {\n    changeDueDay(policyId: $policyId, day: $day, confirm: $confirm) {\n      __typename\n      ... on DueDayChange { nextDebitDate applied dueDates }\n      ... on Error { message }\n    }\n  }\n": typeof types.ChangeDueDayDocument,
    "\n  query VerifyAttestation($token: String!) {\n    verifyAttestation(token: $token) {\n      status\n      authentic\n      validToday\n      contractNumber\n      holder\n      address\n      periodStart\n      periodEnd\n      issuedAt\n      documentSignedBy\n    }\n  }\n": typeof types.VerifyAttestationDocument,
    "\n  mutation PayArrear($arrearId: ID!, $paymentMethodId: ID!) {\n    payArrear(arrearId: $arrearId, paymentMethodId: $paymentMethodId) {\n      __typename\n      ... on ArrearPaid { coverRestoresAt arrear { id paidAt stage } }\n      ... on Error { message }\n    }\n  }\n": typeof types.PayArrearDocument,
    "\n  mutation RetryDebit($arrearId: ID!, $on: Date!) {\n    retryDebit(arrearId: $arrearId, on: $on) {\n      __typename\n      ... on DebitRetryScheduled { dueDate arrear { id stage } }\n      ... on InvalidRetryDate { message earliest latest }\n      ... on Error { message }\n    }\n  }\n": typeof types.RetryDebitDocument,
    "\n  mutation AddSepaMandate($input: SepaMandateInput!) {\n    addSepaMandate(input: $input) {\n      __typename\n      ... on PaymentMethodAdded { paymentMethod { id label isDefault } }\n      ... on InvalidPaymentMethod { message field }\n      ... on Error { message }\n    }\n  }\n": typeof types.AddSepaMandateDocument,
    "\n  mutation SetDefaultPaymentMethod($id: ID!) {\n    setDefaultPaymentMethod(paymentMethodId: $id) {\n      __typename\n      ... on Error { message }\n    }\n  }\n": typeof types.SetDefaultPaymentMethodDocument,
    "\n  mutation RemovePaymentMethod($id: ID!) {\n    removePaymentMethod(paymentMethodId: $id) {\n      __typename\n      ... on Error { message }\n    }\n  }\n": typeof types.RemovePaymentMethodDocument,
};
const documents: Documents = {
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      __typename\n      ... on PasswordChanged { message }\n      ... on PasswordRejected { message reasons }\n      ... on Error { message }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation StepUpConfirmIdentity($password: String!) {\n    confirmIdentity(password: $password) {\n      __typename\n      ... on Error { message }\n    }\n  }\n": types.StepUpConfirmIdentityDocument,
    "\n  mutation StartTwoFactorEnrolment {\n    startTwoFactorEnrolment { qrCode secret }\n  }\n": types.StartTwoFactorEnrolmentDocument,
    "\n  mutation ConfirmTwoFactorEnrolment($code: String!) {\n    confirmTwoFactorEnrolment(code: $code) {\n      __typename\n      ... on TwoFactorEnabled { recoveryCodes }\n      ... on Error { message }\n    }\n  }\n": types.ConfirmTwoFactorEnrolmentDocument,
    "\n  mutation DisableTwoFactor($password: String!, $code: String!) {\n    disableTwoFactor(password: $password, code: $code)\n  }\n": types.DisableTwoFactorDocument,
    "\n  subscription ClaimEvents($after: String) {\n    claimStatusChanged(after: $after) {\n      cursor\n      status\n      at\n      claim {\n        id\n        status\n        indemnity { amountCents currency }\n        history { from to at note }\n      }\n    }\n  }\n": types.ClaimEventsDocument,
    "\n  mutation QuotePolicyChange($input: PolicyChangeInput!) {\n    quotePolicyChange(input: $input) {\n      __typename\n      ... on PolicyChangeQuoted {\n        quote {\n          id\n          changes\n          effectiveDate\n          currentAnnualPremium { amountCents currency }\n          newAnnualPremium { amountCents currency }\n          annualDifference { amountCents currency }\n          proRata { amountCents currency }\n          validUntil\n        }\n      }\n      ... on InvalidPolicyChange { message field }\n      ... on Error { message }\n    }\n  }\n": types.QuotePolicyChangeDocument,
    "\n  mutation ApplyPolicyChange($quoteId: ID!) {\n    applyPolicyChange(quoteId: $quoteId) {\n      __typename\n      ... on PolicyChangeApplied {\n        policy {\n          id\n          version\n          options\n          annualPremium { amountCents currency }\n          deductible { amountCents currency }\n          valuables { amountCents currency }\n          guarantees { id code label description mandatory ceiling { amountCents currency } deductible { amountCents currency } exclusions }\n          premiumLines { code label amount { amountCents currency } }\n          versions { version effectiveFrom reason annualPremium { amountCents currency } }\n        }\n        avenant { id title downloadUrl }\n      }\n      ... on Error { message }\n    }\n  }\n": types.ApplyPolicyChangeDocument,
    "\n  subscription PaymentLiveEvents($after: String) {\n    paymentEvents(after: $after) {\n      cursor\n      kind\n    }\n  }\n": types.PaymentLiveEventsDocument,
    "\n  subscription ProfileEvents($after: String) {\n    profileChanged(after: $after) {\n      cursor\n      changedFields\n      customer { id firstName lastName email phone }\n    }\n  }\n": types.ProfileEventsDocument,
    "\n  mutation RegisterAccount($input: RegisterAccountInput!) {\n    registerAccount(input: $input) {\n      __typename\n      ... on RegistrationReceived { message }\n      ... on PasswordRejected { message reasons }\n    }\n  }\n": types.RegisterAccountDocument,
    "\n  mutation ActivateAccount($token: String!) {\n    activateAccount(token: $token) {\n      __typename\n      ... on AccountActivated { message }\n      ... on InvalidToken { message }\n    }\n  }\n": types.ActivateAccountDocument,
    "\n  mutation RequestActivationLink($contractNumber: String!) {\n    requestActivationLink(contractNumber: $contractNumber)\n  }\n": types.RequestActivationLinkDocument,
    "\n  mutation RequestPasswordReset($contractNumber: String!) {\n    requestPasswordReset(contractNumber: $contractNumber)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation RequestSmsCode($contractNumber: String!) {\n    requestSmsCode(contractNumber: $contractNumber)\n  }\n": types.RequestSmsCodeDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      __typename\n      ... on PasswordResetDone { message }\n      ... on InvalidToken { message }\n      ... on PasswordRejected { message reasons }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation ResetPasswordWithSmsCode($contractNumber: String!, $code: String!, $newPassword: String!) {\n    resetPasswordWithSmsCode(contractNumber: $contractNumber, code: $code, newPassword: $newPassword) {\n      __typename\n      ... on PasswordResetDone { message }\n      ... on InvalidToken { message }\n      ... on PasswordRejected { message reasons }\n    }\n  }\n": types.ResetPasswordWithSmsCodeDocument,
    "\n  mutation ReportUnrecognisedSignIn($token: String!) {\n    reportUnrecognisedSignIn(token: $token)\n  }\n": types.ReportUnrecognisedSignInDocument,
    "\n  query Account {\n    me {\n      id\n      firstName\n      lastName\n      email\n      phone\n      twoFactorEnabled\n      securityScore { score recommendations factors { key label ok } }\n      sessions { id device city country signedInAt lastSeenAt current }\n      loginHistory(first: 10) { at outcome city country device unrecognised }\n    }\n  }\n": types.AccountDocument,
    "\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      __typename\n      ... on UpdateProfileSuccess { changedFields customer { id firstName lastName phone securityScore { score recommendations factors { key label ok } } } }\n      ... on InvalidProfile { message field }\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation ConfirmIdentity($password: String!) {\n    confirmIdentity(password: $password) {\n      __typename\n      ... on IdentityConfirmed { accessToken expiresAt }\n      ... on WrongCurrentPassword { message }\n    }\n  }\n": types.ConfirmIdentityDocument,
    "\n  mutation RevokeSession($sessionId: ID!) {\n    revokeSession(sessionId: $sessionId)\n  }\n": types.RevokeSessionDocument,
    "\n  query ClaimPage {\n    me {\n      id\n      claims {\n        id\n        reference\n        type\n        status\n        occurredOn\n        declaredAt\n        description\n        deadline\n        lateByWorkingDays\n        indemnity { amountCents currency }\n        policy { id number }\n        history { from to at note }\n        attachments { id filename contentType sizeBytes }\n      }\n    }\n  }\n": types.ClaimPageDocument,
    "\n  query Claims {\n    me {\n      id\n      claims { id reference type status declaredAt policy { id number } }\n    }\n  }\n": types.ClaimsDocument,
    "\n  query Contract {\n    me {\n      id\n      policies {\n        id\n        number\n        status\n        startDate\n        renewalDate\n        version\n        paymentFrequency\n        options\n        annualPremium { amountCents currency }\n        deductible { amountCents currency }\n        valuables { amountCents currency }\n        dwelling { addressLine postalCode city type surfaceM2 rooms occupancy residence }\n        guarantees { id code label description mandatory ceiling { amountCents currency } deductible { amountCents currency } exclusions }\n        premiumLines { code label amount { amountCents currency } }\n        versions { version effectiveFrom reason annualPremium { amountCents currency } }\n      }\n    }\n  }\n": types.ContractDocument,
    "\n  query Dashboard {\n    me {\n      id\n      firstName\n      policies {\n        id\n        number\n        status\n        annualPremium { amountCents currency }\n        nextDueDate\n        nextPaymentAmount { amountCents currency }\n        dwelling { addressLine postalCode city }\n        guarantees { id label ceiling { amountCents currency } }\n      }\n      claims { id reference type status declaredAt }\n    }\n  }\n": types.DashboardDocument,
    "\n  query DeclarePolicies {\n    me { id policies { id number status dwelling { addressLine city } } }\n  }\n": types.DeclarePoliciesDocument,
    "\n  query ClaimForm($type: ClaimType!) {\n    claimForm(type: $type) {\n      type\n      title\n      declarationDeadlineWorkingDays\n      questions {\n        id\n        label\n        help\n        kind\n        required\n        maxLength\n        options { value label }\n        showWhen { questionId equals }\n      }\n    }\n  }\n": types.ClaimFormDocument,
    "\n  mutation DeclareClaim($input: DeclareClaimInput!) {\n    declareClaim(input: $input) {\n      __typename\n      ... on ClaimDeclared { claim { id reference status } }\n      ... on InvalidDeclaration { message errors { questionId message } }\n      ... on Error { message }\n    }\n  }\n": types.DeclareClaimDocument,
    "\n  mutation AttachToClaim($claimId: ID!, $filename: String!, $contentBase64: String!) {\n    addClaimAttachment(claimId: $claimId, filename: $filename, contentBase64: $contentBase64) {\n      __typename\n      ... on AttachmentAdded { attachment { id filename } }\n      ... on Error { message }\n    }\n  }\n": types.AttachToClaimDocument,
    "\n  query Documents {\n    me {\n      id\n      policies { id number status }\n      documents { id kind title issuedAt sizeBytes downloadUrl policy { id number } }\n    }\n  }\n": types.DocumentsDocument,
    "\n  mutation GenerateAttestation($policyId: ID!) {\n    generateAttestation(policyId: $policyId) {\n      __typename\n      ... on DocumentGenerated { document { id title downloadUrl } }\n      ... on Error { message }\n    }\n  }\n": types.GenerateAttestationDocument,
    "\n  query SearchFile($query: String!, $first: Int) {\n    me { id search(query: $query, first: $first) { kind id title snippet target } }\n  }\n": types.SearchFileDocument,
    "\n  query HelpCategories {\n    helpCategories { slug title description target articles { slug } }\n  }\n": types.HelpCategoriesDocument,
    "\n  query HelpCategory($slug: String!) {\n    helpCategory(slug: $slug) {\n      ... on HelpCategory { slug title description articles { slug title target } }\n      ... on HelpCategoryNotFound { message }\n    }\n  }\n": types.HelpCategoryDocument,
    "\n  query HelpArticle($slug: String!) {\n    helpArticle(slug: $slug) {\n      ... on HelpArticle {\n        slug\n        title\n        body\n        category { slug title target }\n        related { slug title target }\n      }\n      ... on HelpArticleNotFound { message }\n    }\n  }\n": types.HelpArticleDocument,
    "\n  query Payments($year: Int) {\n    me {\n      id\n      policies { id number paymentFrequency }\n      paymentSchedule { id dueDate status amount { amountCents currency } policy { id number } }\n      paymentHistory(first: 50, year: $year) {\n        edges { cursor node { id paidAt status reference rejectionCode amount { amountCents currency } } }\n      }\n      paymentMethods { id kind label isDefault mandateReference cardExpiry }\n      arrears {\n        id dueDate rejectionCode explanation suggestions stage suspensionAt paidAt\n        amount { amountCents currency }\n      }\n    }\n  }\n": types.PaymentsDocument,
    "\n  mutation ChangeDueDay($policyId: ID!, $day: Int!, $confirm: Boolean) {\n    changeDueDay(policyId: $policyId, day: $day, confirm: $confirm) {\n      __typename\n      ... on DueDayChange { nextDebitDate applied dueDates }\n      ... on Error { message }\n    }\n  }\n": types.ChangeDueDayDocument,
    "\n  query VerifyAttestation($token: String!) {\n    verifyAttestation(token: $token) {\n      status\n      authentic\n      validToday\n      contractNumber\n      holder\n      address\n      periodStart\n      periodEnd\n      issuedAt\n      documentSignedBy\n    }\n  }\n": types.VerifyAttestationDocument,
    "\n  mutation PayArrear($arrearId: ID!, $paymentMethodId: ID!) {\n    payArrear(arrearId: $arrearId, paymentMethodId: $paymentMethodId) {\n      __typename\n      ... on ArrearPaid { coverRestoresAt arrear { id paidAt stage } }\n      ... on Error { message }\n    }\n  }\n": types.PayArrearDocument,
    "\n  mutation RetryDebit($arrearId: ID!, $on: Date!) {\n    retryDebit(arrearId: $arrearId, on: $on) {\n      __typename\n      ... on DebitRetryScheduled { dueDate arrear { id stage } }\n      ... on InvalidRetryDate { message earliest latest }\n      ... on Error { message }\n    }\n  }\n": types.RetryDebitDocument,
    "\n  mutation AddSepaMandate($input: SepaMandateInput!) {\n    addSepaMandate(input: $input) {\n      __typename\n      ... on PaymentMethodAdded { paymentMethod { id label isDefault } }\n      ... on InvalidPaymentMethod { message field }\n      ... on Error { message }\n    }\n  }\n": types.AddSepaMandateDocument,
    "\n  mutation SetDefaultPaymentMethod($id: ID!) {\n    setDefaultPaymentMethod(paymentMethodId: $id) {\n      __typename\n      ... on Error { message }\n    }\n  }\n": types.SetDefaultPaymentMethodDocument,
    "\n  mutation RemovePaymentMethod($id: ID!) {\n    removePaymentMethod(paymentMethodId: $id) {\n      __typename\n      ... on Error { message }\n    }\n  }\n": types.RemovePaymentMethodDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      __typename\n      ... on PasswordChanged { message }\n      ... on PasswordRejected { message reasons }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      __typename\n      ... on PasswordChanged { message }\n      ... on PasswordRejected { message reasons }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StepUpConfirmIdentity($password: String!) {\n    confirmIdentity(password: $password) {\n      __typename\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation StepUpConfirmIdentity($password: String!) {\n    confirmIdentity(password: $password) {\n      __typename\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartTwoFactorEnrolment {\n    startTwoFactorEnrolment { qrCode secret }\n  }\n"): (typeof documents)["\n  mutation StartTwoFactorEnrolment {\n    startTwoFactorEnrolment { qrCode secret }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTwoFactorEnrolment($code: String!) {\n    confirmTwoFactorEnrolment(code: $code) {\n      __typename\n      ... on TwoFactorEnabled { recoveryCodes }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmTwoFactorEnrolment($code: String!) {\n    confirmTwoFactorEnrolment(code: $code) {\n      __typename\n      ... on TwoFactorEnabled { recoveryCodes }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableTwoFactor($password: String!, $code: String!) {\n    disableTwoFactor(password: $password, code: $code)\n  }\n"): (typeof documents)["\n  mutation DisableTwoFactor($password: String!, $code: String!) {\n    disableTwoFactor(password: $password, code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClaimEvents($after: String) {\n    claimStatusChanged(after: $after) {\n      cursor\n      status\n      at\n      claim {\n        id\n        status\n        indemnity { amountCents currency }\n        history { from to at note }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ClaimEvents($after: String) {\n    claimStatusChanged(after: $after) {\n      cursor\n      status\n      at\n      claim {\n        id\n        status\n        indemnity { amountCents currency }\n        history { from to at note }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuotePolicyChange($input: PolicyChangeInput!) {\n    quotePolicyChange(input: $input) {\n      __typename\n      ... on PolicyChangeQuoted {\n        quote {\n          id\n          changes\n          effectiveDate\n          currentAnnualPremium { amountCents currency }\n          newAnnualPremium { amountCents currency }\n          annualDifference { amountCents currency }\n          proRata { amountCents currency }\n          validUntil\n        }\n      }\n      ... on InvalidPolicyChange { message field }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation QuotePolicyChange($input: PolicyChangeInput!) {\n    quotePolicyChange(input: $input) {\n      __typename\n      ... on PolicyChangeQuoted {\n        quote {\n          id\n          changes\n          effectiveDate\n          currentAnnualPremium { amountCents currency }\n          newAnnualPremium { amountCents currency }\n          annualDifference { amountCents currency }\n          proRata { amountCents currency }\n          validUntil\n        }\n      }\n      ... on InvalidPolicyChange { message field }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyPolicyChange($quoteId: ID!) {\n    applyPolicyChange(quoteId: $quoteId) {\n      __typename\n      ... on PolicyChangeApplied {\n        policy {\n          id\n          version\n          options\n          annualPremium { amountCents currency }\n          deductible { amountCents currency }\n          valuables { amountCents currency }\n          guarantees { id code label description mandatory ceiling { amountCents currency } deductible { amountCents currency } exclusions }\n          premiumLines { code label amount { amountCents currency } }\n          versions { version effectiveFrom reason annualPremium { amountCents currency } }\n        }\n        avenant { id title downloadUrl }\n      }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation ApplyPolicyChange($quoteId: ID!) {\n    applyPolicyChange(quoteId: $quoteId) {\n      __typename\n      ... on PolicyChangeApplied {\n        policy {\n          id\n          version\n          options\n          annualPremium { amountCents currency }\n          deductible { amountCents currency }\n          valuables { amountCents currency }\n          guarantees { id code label description mandatory ceiling { amountCents currency } deductible { amountCents currency } exclusions }\n          premiumLines { code label amount { amountCents currency } }\n          versions { version effectiveFrom reason annualPremium { amountCents currency } }\n        }\n        avenant { id title downloadUrl }\n      }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PaymentLiveEvents($after: String) {\n    paymentEvents(after: $after) {\n      cursor\n      kind\n    }\n  }\n"): (typeof documents)["\n  subscription PaymentLiveEvents($after: String) {\n    paymentEvents(after: $after) {\n      cursor\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ProfileEvents($after: String) {\n    profileChanged(after: $after) {\n      cursor\n      changedFields\n      customer { id firstName lastName email phone }\n    }\n  }\n"): (typeof documents)["\n  subscription ProfileEvents($after: String) {\n    profileChanged(after: $after) {\n      cursor\n      changedFields\n      customer { id firstName lastName email phone }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterAccount($input: RegisterAccountInput!) {\n    registerAccount(input: $input) {\n      __typename\n      ... on RegistrationReceived { message }\n      ... on PasswordRejected { message reasons }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterAccount($input: RegisterAccountInput!) {\n    registerAccount(input: $input) {\n      __typename\n      ... on RegistrationReceived { message }\n      ... on PasswordRejected { message reasons }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateAccount($token: String!) {\n    activateAccount(token: $token) {\n      __typename\n      ... on AccountActivated { message }\n      ... on InvalidToken { message }\n    }\n  }\n"): (typeof documents)["\n  mutation ActivateAccount($token: String!) {\n    activateAccount(token: $token) {\n      __typename\n      ... on AccountActivated { message }\n      ... on InvalidToken { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestActivationLink($contractNumber: String!) {\n    requestActivationLink(contractNumber: $contractNumber)\n  }\n"): (typeof documents)["\n  mutation RequestActivationLink($contractNumber: String!) {\n    requestActivationLink(contractNumber: $contractNumber)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($contractNumber: String!) {\n    requestPasswordReset(contractNumber: $contractNumber)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($contractNumber: String!) {\n    requestPasswordReset(contractNumber: $contractNumber)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestSmsCode($contractNumber: String!) {\n    requestSmsCode(contractNumber: $contractNumber)\n  }\n"): (typeof documents)["\n  mutation RequestSmsCode($contractNumber: String!) {\n    requestSmsCode(contractNumber: $contractNumber)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      __typename\n      ... on PasswordResetDone { message }\n      ... on InvalidToken { message }\n      ... on PasswordRejected { message reasons }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      __typename\n      ... on PasswordResetDone { message }\n      ... on InvalidToken { message }\n      ... on PasswordRejected { message reasons }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPasswordWithSmsCode($contractNumber: String!, $code: String!, $newPassword: String!) {\n    resetPasswordWithSmsCode(contractNumber: $contractNumber, code: $code, newPassword: $newPassword) {\n      __typename\n      ... on PasswordResetDone { message }\n      ... on InvalidToken { message }\n      ... on PasswordRejected { message reasons }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPasswordWithSmsCode($contractNumber: String!, $code: String!, $newPassword: String!) {\n    resetPasswordWithSmsCode(contractNumber: $contractNumber, code: $code, newPassword: $newPassword) {\n      __typename\n      ... on PasswordResetDone { message }\n      ... on InvalidToken { message }\n      ... on PasswordRejected { message reasons }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportUnrecognisedSignIn($token: String!) {\n    reportUnrecognisedSignIn(token: $token)\n  }\n"): (typeof documents)["\n  mutation ReportUnrecognisedSignIn($token: String!) {\n    reportUnrecognisedSignIn(token: $token)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Account {\n    me {\n      id\n      firstName\n      lastName\n      email\n      phone\n      twoFactorEnabled\n      securityScore { score recommendations factors { key label ok } }\n      sessions { id device city country signedInAt lastSeenAt current }\n      loginHistory(first: 10) { at outcome city country device unrecognised }\n    }\n  }\n"): (typeof documents)["\n  query Account {\n    me {\n      id\n      firstName\n      lastName\n      email\n      phone\n      twoFactorEnabled\n      securityScore { score recommendations factors { key label ok } }\n      sessions { id device city country signedInAt lastSeenAt current }\n      loginHistory(first: 10) { at outcome city country device unrecognised }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      __typename\n      ... on UpdateProfileSuccess { changedFields customer { id firstName lastName phone securityScore { score recommendations factors { key label ok } } } }\n      ... on InvalidProfile { message field }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: ProfileInput!) {\n    updateProfile(input: $input) {\n      __typename\n      ... on UpdateProfileSuccess { changedFields customer { id firstName lastName phone securityScore { score recommendations factors { key label ok } } } }\n      ... on InvalidProfile { message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmIdentity($password: String!) {\n    confirmIdentity(password: $password) {\n      __typename\n      ... on IdentityConfirmed { accessToken expiresAt }\n      ... on WrongCurrentPassword { message }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmIdentity($password: String!) {\n    confirmIdentity(password: $password) {\n      __typename\n      ... on IdentityConfirmed { accessToken expiresAt }\n      ... on WrongCurrentPassword { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($sessionId: ID!) {\n    revokeSession(sessionId: $sessionId)\n  }\n"): (typeof documents)["\n  mutation RevokeSession($sessionId: ID!) {\n    revokeSession(sessionId: $sessionId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClaimPage {\n    me {\n      id\n      claims {\n        id\n        reference\n        type\n        status\n        occurredOn\n        declaredAt\n        description\n        deadline\n        lateByWorkingDays\n        indemnity { amountCents currency }\n        policy { id number }\n        history { from to at note }\n        attachments { id filename contentType sizeBytes }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClaimPage {\n    me {\n      id\n      claims {\n        id\n        reference\n        type\n        status\n        occurredOn\n        declaredAt\n        description\n        deadline\n        lateByWorkingDays\n        indemnity { amountCents currency }\n        policy { id number }\n        history { from to at note }\n        attachments { id filename contentType sizeBytes }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Claims {\n    me {\n      id\n      claims { id reference type status declaredAt policy { id number } }\n    }\n  }\n"): (typeof documents)["\n  query Claims {\n    me {\n      id\n      claims { id reference type status declaredAt policy { id number } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Contract {\n    me {\n      id\n      policies {\n        id\n        number\n        status\n        startDate\n        renewalDate\n        version\n        paymentFrequency\n        options\n        annualPremium { amountCents currency }\n        deductible { amountCents currency }\n        valuables { amountCents currency }\n        dwelling { addressLine postalCode city type surfaceM2 rooms occupancy residence }\n        guarantees { id code label description mandatory ceiling { amountCents currency } deductible { amountCents currency } exclusions }\n        premiumLines { code label amount { amountCents currency } }\n        versions { version effectiveFrom reason annualPremium { amountCents currency } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Contract {\n    me {\n      id\n      policies {\n        id\n        number\n        status\n        startDate\n        renewalDate\n        version\n        paymentFrequency\n        options\n        annualPremium { amountCents currency }\n        deductible { amountCents currency }\n        valuables { amountCents currency }\n        dwelling { addressLine postalCode city type surfaceM2 rooms occupancy residence }\n        guarantees { id code label description mandatory ceiling { amountCents currency } deductible { amountCents currency } exclusions }\n        premiumLines { code label amount { amountCents currency } }\n        versions { version effectiveFrom reason annualPremium { amountCents currency } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard {\n    me {\n      id\n      firstName\n      policies {\n        id\n        number\n        status\n        annualPremium { amountCents currency }\n        nextDueDate\n        nextPaymentAmount { amountCents currency }\n        dwelling { addressLine postalCode city }\n        guarantees { id label ceiling { amountCents currency } }\n      }\n      claims { id reference type status declaredAt }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard {\n    me {\n      id\n      firstName\n      policies {\n        id\n        number\n        status\n        annualPremium { amountCents currency }\n        nextDueDate\n        nextPaymentAmount { amountCents currency }\n        dwelling { addressLine postalCode city }\n        guarantees { id label ceiling { amountCents currency } }\n      }\n      claims { id reference type status declaredAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeclarePolicies {\n    me { id policies { id number status dwelling { addressLine city } } }\n  }\n"): (typeof documents)["\n  query DeclarePolicies {\n    me { id policies { id number status dwelling { addressLine city } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClaimForm($type: ClaimType!) {\n    claimForm(type: $type) {\n      type\n      title\n      declarationDeadlineWorkingDays\n      questions {\n        id\n        label\n        help\n        kind\n        required\n        maxLength\n        options { value label }\n        showWhen { questionId equals }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClaimForm($type: ClaimType!) {\n    claimForm(type: $type) {\n      type\n      title\n      declarationDeadlineWorkingDays\n      questions {\n        id\n        label\n        help\n        kind\n        required\n        maxLength\n        options { value label }\n        showWhen { questionId equals }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclareClaim($input: DeclareClaimInput!) {\n    declareClaim(input: $input) {\n      __typename\n      ... on ClaimDeclared { claim { id reference status } }\n      ... on InvalidDeclaration { message errors { questionId message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation DeclareClaim($input: DeclareClaimInput!) {\n    declareClaim(input: $input) {\n      __typename\n      ... on ClaimDeclared { claim { id reference status } }\n      ... on InvalidDeclaration { message errors { questionId message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttachToClaim($claimId: ID!, $filename: String!, $contentBase64: String!) {\n    addClaimAttachment(claimId: $claimId, filename: $filename, contentBase64: $contentBase64) {\n      __typename\n      ... on AttachmentAdded { attachment { id filename } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation AttachToClaim($claimId: ID!, $filename: String!, $contentBase64: String!) {\n    addClaimAttachment(claimId: $claimId, filename: $filename, contentBase64: $contentBase64) {\n      __typename\n      ... on AttachmentAdded { attachment { id filename } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Documents {\n    me {\n      id\n      policies { id number status }\n      documents { id kind title issuedAt sizeBytes downloadUrl policy { id number } }\n    }\n  }\n"): (typeof documents)["\n  query Documents {\n    me {\n      id\n      policies { id number status }\n      documents { id kind title issuedAt sizeBytes downloadUrl policy { id number } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateAttestation($policyId: ID!) {\n    generateAttestation(policyId: $policyId) {\n      __typename\n      ... on DocumentGenerated { document { id title downloadUrl } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation GenerateAttestation($policyId: ID!) {\n    generateAttestation(policyId: $policyId) {\n      __typename\n      ... on DocumentGenerated { document { id title downloadUrl } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchFile($query: String!, $first: Int) {\n    me { id search(query: $query, first: $first) { kind id title snippet target } }\n  }\n"): (typeof documents)["\n  query SearchFile($query: String!, $first: Int) {\n    me { id search(query: $query, first: $first) { kind id title snippet target } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HelpCategories {\n    helpCategories { slug title description target articles { slug } }\n  }\n"): (typeof documents)["\n  query HelpCategories {\n    helpCategories { slug title description target articles { slug } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HelpCategory($slug: String!) {\n    helpCategory(slug: $slug) {\n      ... on HelpCategory { slug title description articles { slug title target } }\n      ... on HelpCategoryNotFound { message }\n    }\n  }\n"): (typeof documents)["\n  query HelpCategory($slug: String!) {\n    helpCategory(slug: $slug) {\n      ... on HelpCategory { slug title description articles { slug title target } }\n      ... on HelpCategoryNotFound { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HelpArticle($slug: String!) {\n    helpArticle(slug: $slug) {\n      ... on HelpArticle {\n        slug\n        title\n        body\n        category { slug title target }\n        related { slug title target }\n      }\n      ... on HelpArticleNotFound { message }\n    }\n  }\n"): (typeof documents)["\n  query HelpArticle($slug: String!) {\n    helpArticle(slug: $slug) {\n      ... on HelpArticle {\n        slug\n        title\n        body\n        category { slug title target }\n        related { slug title target }\n      }\n      ... on HelpArticleNotFound { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Payments($year: Int) {\n    me {\n      id\n      policies { id number paymentFrequency }\n      paymentSchedule { id dueDate status amount { amountCents currency } policy { id number } }\n      paymentHistory(first: 50, year: $year) {\n        edges { cursor node { id paidAt status reference rejectionCode amount { amountCents currency } } }\n      }\n      paymentMethods { id kind label isDefault mandateReference cardExpiry }\n      arrears {\n        id dueDate rejectionCode explanation suggestions stage suspensionAt paidAt\n        amount { amountCents currency }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Payments($year: Int) {\n    me {\n      id\n      policies { id number paymentFrequency }\n      paymentSchedule { id dueDate status amount { amountCents currency } policy { id number } }\n      paymentHistory(first: 50, year: $year) {\n        edges { cursor node { id paidAt status reference rejectionCode amount { amountCents currency } } }\n      }\n      paymentMethods { id kind label isDefault mandateReference cardExpiry }\n      arrears {\n        id dueDate rejectionCode explanation suggestions stage suspensionAt paidAt\n        amount { amountCents currency }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeDueDay($policyId: ID!, $day: Int!, $confirm: Boolean) {\n    changeDueDay(policyId: $policyId, day: $day, confirm: $confirm) {\n      __typename\n      ... on DueDayChange { nextDebitDate applied dueDates }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeDueDay($policyId: ID!, $day: Int!, $confirm: Boolean) {\n    changeDueDay(policyId: $policyId, day: $day, confirm: $confirm) {\n      __typename\n      ... on DueDayChange { nextDebitDate applied dueDates }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyAttestation($token: String!) {\n    verifyAttestation(token: $token) {\n      status\n      authentic\n      validToday\n      contractNumber\n      holder\n      address\n      periodStart\n      periodEnd\n      issuedAt\n      documentSignedBy\n    }\n  }\n"): (typeof documents)["\n  query VerifyAttestation($token: String!) {\n    verifyAttestation(token: $token) {\n      status\n      authentic\n      validToday\n      contractNumber\n      holder\n      address\n      periodStart\n      periodEnd\n      issuedAt\n      documentSignedBy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayArrear($arrearId: ID!, $paymentMethodId: ID!) {\n    payArrear(arrearId: $arrearId, paymentMethodId: $paymentMethodId) {\n      __typename\n      ... on ArrearPaid { coverRestoresAt arrear { id paidAt stage } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation PayArrear($arrearId: ID!, $paymentMethodId: ID!) {\n    payArrear(arrearId: $arrearId, paymentMethodId: $paymentMethodId) {\n      __typename\n      ... on ArrearPaid { coverRestoresAt arrear { id paidAt stage } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryDebit($arrearId: ID!, $on: Date!) {\n    retryDebit(arrearId: $arrearId, on: $on) {\n      __typename\n      ... on DebitRetryScheduled { dueDate arrear { id stage } }\n      ... on InvalidRetryDate { message earliest latest }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation RetryDebit($arrearId: ID!, $on: Date!) {\n    retryDebit(arrearId: $arrearId, on: $on) {\n      __typename\n      ... on DebitRetryScheduled { dueDate arrear { id stage } }\n      ... on InvalidRetryDate { message earliest latest }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSepaMandate($input: SepaMandateInput!) {\n    addSepaMandate(input: $input) {\n      __typename\n      ... on PaymentMethodAdded { paymentMethod { id label isDefault } }\n      ... on InvalidPaymentMethod { message field }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation AddSepaMandate($input: SepaMandateInput!) {\n    addSepaMandate(input: $input) {\n      __typename\n      ... on PaymentMethodAdded { paymentMethod { id label isDefault } }\n      ... on InvalidPaymentMethod { message field }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDefaultPaymentMethod($id: ID!) {\n    setDefaultPaymentMethod(paymentMethodId: $id) {\n      __typename\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation SetDefaultPaymentMethod($id: ID!) {\n    setDefaultPaymentMethod(paymentMethodId: $id) {\n      __typename\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePaymentMethod($id: ID!) {\n    removePaymentMethod(paymentMethodId: $id) {\n      __typename\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation RemovePaymentMethod($id: ID!) {\n    removePaymentMethod(paymentMethodId: $id) {\n      __typename\n      ... on Error { message }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;