// KubeBind.Queues: a small Azure Storage Queue REST client and a queue listener (issue 5).
