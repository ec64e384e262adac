/** A scene the PyTorch export cannot write as it runs in the lab: the message says what is missing. */
export class TorchExportError extends Error {
  override name = 'TorchExportError';
}
