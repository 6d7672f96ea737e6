// KubeBind.Queues: a small Azure Storage Queue REST client and a listener with the Functions queue trigger's semantics.
