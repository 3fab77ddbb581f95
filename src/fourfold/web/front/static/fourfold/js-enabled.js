// Loaded at the start of <body>: tells GOV.UK Frontend's styles that JavaScript is running (no inline script,
// so the Content-Security-Policy can forbid inline scripts altogether).
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
