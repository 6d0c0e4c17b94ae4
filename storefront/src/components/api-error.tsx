/** A refusal of the API shown as it came: Spanish message and its stable code. */
export function ApiErrorNotice({ code, message, testId = "api-error" }: { code: string; message: string; testId?: string }) {
  return (
    <div className="alert" role="alert" data-testid={testId}>
      <p>{message}</p>
      <p className="code">
        Código: <code data-testid={`${testId}-code`}>{code}</code>
      </p>
    </div>
  )
}
