// Generated from /openapi.json by `npm run api-types` (openapi-typescript); do not edit.
// OpenAPI document sha256: c4909f04621d3057bec7b83578db7471139bea6336a4ab3d77f326bda6b86b54
// test/api/api-roles.test.ts fails when the server no longer serves this document.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            database: string;
                            /** @enum {string} */
                            queue: "running" | "none";
                            /** @enum {string} */
                            status: "ready";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reason: string;
                            /** @enum {string} */
                            status: "not_ready";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Admin keys and role changes asked for, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    status?: "pending" | "approved" | "rejected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changes: {
                                comment: string | null;
                                decidedAt: string | null;
                                decidedBy: string | null;
                                id: string;
                                /** @enum {string} */
                                kind: "admin_key" | "role";
                                payload: unknown;
                                requestedAt: string;
                                requestedBy: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected";
                                /** @description the key id (admin_key) or the role (role) */
                                subject: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin-changes/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve another admin's change: the key starts to work, or the role changes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            comment: string | null;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "admin_key" | "role";
                            payload: unknown;
                            requestedAt: string;
                            requestedBy: string;
                            /** @enum {string} */
                            status: "pending" | "approved" | "rejected";
                            /** @description the key id (admin_key) or the role (role) */
                            subject: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin-changes/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject another admin's change with a comment (a key waiting for it is revoked) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            comment: string | null;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "admin_key" | "role";
                            payload: unknown;
                            requestedAt: string;
                            requestedBy: string;
                            /** @enum {string} */
                            status: "pending" | "approved" | "rejected";
                            /** @description the key id (admin_key) or the role (role) */
                            subject: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alerts, newest first */
        get: {
            parameters: {
                query?: {
                    flow?: string;
                    limit?: number;
                    open?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerts: {
                                acknowledgedAt: string | null;
                                acknowledgedBy: string | null;
                                flowId: string;
                                id: string;
                                kind: string;
                                message: string;
                                metric: string;
                                period: string;
                                raisedAt: string;
                                threshold: number;
                                value: number;
                                webhook: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string | null;
                            acknowledgedBy: string | null;
                            flowId: string;
                            id: string;
                            kind: string;
                            message: string;
                            metric: string;
                            period: string;
                            raisedAt: string;
                            threshold: number;
                            value: number;
                            webhook: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}/legal-holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Keep an application's personal data until a date, whatever its retention period */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        heldUntil: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdBy: string;
                            decisionId: string;
                            heldUntil: string;
                            id: string;
                            reason: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}/personal-data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Erase an application's personal data by destroying its data key; the decision and its reasons remain */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            decisionId: string;
                            erasedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Page audit events in chain order; pass nextAfterSeq back as afterSeq for the next page */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor?: string;
                    afterSeq?: number;
                    limit?: number;
                    subjectId?: string;
                    subjectType?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                action: string;
                                actor: string;
                                at: string;
                                data: unknown;
                                hash: string;
                                prevHash: string;
                                requestId: string | null;
                                seq: number;
                                subjectId: string | null;
                                subjectType: string | null;
                            }[];
                            nextAfterSeq: number | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every action the log holds, with its count, for filtering by action */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: {
                                action: string;
                                count: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Walk the hash chain, hold it against the signed checkpoints, and list every break */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            breaks: {
                                message: string;
                                reason: string;
                                seq: number;
                            }[];
                            /** @description events verified before the first break */
                            checked: number;
                            /** @description signed checkpoints of the chain head, kept outside the database */
                            checkpoints: {
                                checked: number;
                                matched: number;
                            };
                            firstBroken: {
                                message: string;
                                reason: string;
                                seq: number;
                            } | null;
                            headSeq: number;
                            /** @description checkpoint files whose signature does not hold */
                            invalidCheckpoints: string[];
                            ok: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How people sign in here: with single sign-on, or with API keys only */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            singleSignOn: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ends the console session this request came with (API keys are revoked, not signed out) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            signedOut: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/backtests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent back-tests, newest first (without their reports) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            backtests: {
                                baseline: {
                                    flow: string;
                                    version: number;
                                };
                                candidate: {
                                    flow: string;
                                    version: number;
                                };
                                createdAt: string;
                                createdBy: string;
                                error: string | null;
                                finishedAt: string | null;
                                id: string;
                                report: unknown;
                                rowsDone: number;
                                rowsEstimated: number;
                                spec: {
                                    [key: string]: unknown;
                                };
                                startedAt: string | null;
                                /** @enum {string} */
                                status: "queued" | "running" | "done" | "failed";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Start a back-test: two flow versions (drafts too) over historical applications; follow it with GET /v1/backtests/:id */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the version it would replace */
                        baseline: {
                            flow: string;
                            version: number;
                        };
                        /** @description the version to try */
                        candidate: {
                            flow: string;
                            version: number;
                        };
                        /** @description historical applications as CSV with a header row, outcome column included where known */
                        csv: string;
                        outcome?: {
                            bad: string;
                            column: string;
                        };
                        /** @description economics to value approved loans whose outcome is known (docs/strategy.schema.json) */
                        strategy?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            baseline: {
                                flow: string;
                                version: number;
                            };
                            candidate: {
                                flow: string;
                                version: number;
                            };
                            createdAt: string;
                            createdBy: string;
                            error: string | null;
                            finishedAt: string | null;
                            id: string;
                            report: unknown;
                            rowsDone: number;
                            rowsEstimated: number;
                            spec: {
                                [key: string]: unknown;
                            };
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "queued" | "running" | "done" | "failed";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/backtests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A back-test: status, progress (rows done of rows estimated), and the report when done */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            baseline: {
                                flow: string;
                                version: number;
                            };
                            candidate: {
                                flow: string;
                                version: number;
                            };
                            createdAt: string;
                            createdBy: string;
                            error: string | null;
                            finishedAt: string | null;
                            id: string;
                            report: unknown;
                            rowsDone: number;
                            rowsEstimated: number;
                            spec: {
                                [key: string]: unknown;
                            };
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "queued" | "running" | "done" | "failed";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/backtests/{id}/report.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report as a page with charts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide a file of applications (CSV with a header row, or JSON lines) as online decisions, in chunks every server takes */
        post: {
            parameters: {
                query: {
                    flow: string;
                    version?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string;
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cancelledBy: string | null;
                            chunks: number;
                            chunksDone: number;
                            createdAt: string;
                            failedRows: number;
                            finishedAt: string | null;
                            flow: {
                                id: string;
                                version: number | null;
                            };
                            id: string;
                            rows: number;
                            /** @enum {string} */
                            status: "running" | "done" | "cancelled";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress of a batch */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cancelledBy: string | null;
                            chunks: number;
                            chunksDone: number;
                            createdAt: string;
                            failedRows: number;
                            finishedAt: string | null;
                            flow: {
                                id: string;
                                version: number | null;
                            };
                            id: string;
                            rows: number;
                            /** @enum {string} */
                            status: "running" | "done" | "cancelled";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a running batch: rows not yet decided are dropped with their applications; decided rows keep their decisions */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cancelledBy: string | null;
                            chunks: number;
                            chunksDone: number;
                            createdAt: string;
                            failedRows: number;
                            finishedAt: string | null;
                            flow: {
                                id: string;
                                version: number | null;
                            };
                            id: string;
                            rows: number;
                            /** @enum {string} */
                            status: "running" | "done" | "cancelled";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The results file: one CSV line per row, in the order of the file, with its decision, outcome, reasons and offer, or why it has none */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "parquet";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest version of every connector */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            connectors: {
                                approvedAt: string | null;
                                /** @description who approved the version for use (POST /v1/releases); flows naming it are released only after */
                                approvedBy: string | null;
                                connectorId: string;
                                contentHash: string;
                                createdAt: string;
                                createdBy: string;
                                definition: {
                                    [key: string]: unknown;
                                };
                                /** @description how a flow's bureau node names this version */
                                reference: string;
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Store a connector definition as the next version of its id; the same definition again returns its existing version */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description a connector definition (GET /v1/connectors/schema) */
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approvedAt: string | null;
                            /** @description who approved the version for use (POST /v1/releases); flows naming it are released only after */
                            approvedBy: string | null;
                            connectorId: string;
                            contentHash: string;
                            createdAt: string;
                            createdBy: string;
                            definition: {
                                [key: string]: unknown;
                            };
                            /** @description how a flow's bureau node names this version */
                            reference: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approvedAt: string | null;
                            /** @description who approved the version for use (POST /v1/releases); flows naming it are released only after */
                            approvedBy: string | null;
                            connectorId: string;
                            contentHash: string;
                            createdAt: string;
                            createdBy: string;
                            definition: {
                                [key: string]: unknown;
                            };
                            /** @description how a flow's bureau node names this version */
                            reference: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/{id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pulls, reuses, cost, error rate and latency percentiles of a connector */
        get: {
            parameters: {
                query?: {
                    /** @description count pulls requested at or after this time (ISO 8601) */
                    since?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            byOutcome: {
                                [key: string]: number;
                            };
                            /** @description the circuit breaker in this server process: closed, open or half-open */
                            circuit: string;
                            connectorId: string;
                            cost: number;
                            errorRate: number;
                            failed: number;
                            latencyMs: {
                                max: number | null;
                                p50: number | null;
                                p95: number | null;
                                p99: number | null;
                            };
                            /** @description calls made to the bureau */
                            pulls: number;
                            /** @description pulls refused for want of consent: no call */
                            refused: number;
                            /** @description reports reused within the reuse window or coalesced with a pull in flight: no call, no charge */
                            reused: number;
                            since: string | null;
                            succeeded: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            versions: {
                                approvedAt: string | null;
                                /** @description who approved the version for use (POST /v1/releases); flows naming it are released only after */
                                approvedBy: string | null;
                                connectorId: string;
                                contentHash: string;
                                createdAt: string;
                                createdBy: string;
                                definition: {
                                    [key: string]: unknown;
                                };
                                /** @description how a flow's bureau node names this version */
                                reference: string;
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approvedAt: string | null;
                            /** @description who approved the version for use (POST /v1/releases); flows naming it are released only after */
                            approvedBy: string | null;
                            connectorId: string;
                            contentHash: string;
                            createdAt: string;
                            createdBy: string;
                            definition: {
                                [key: string]: unknown;
                            };
                            /** @description how a flow's bureau node names this version */
                            reference: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** JSON Schema of connector definitions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent decisions, newest first */
        get: {
            parameters: {
                query?: {
                    before?: string;
                    flow?: string;
                    limit?: number;
                    outcome?: "approve" | "decline" | "refer";
                    status?: "completed" | "pending_review";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            decisions: {
                                application?: {
                                    [key: string]: unknown;
                                } | null;
                                automatedOutcome: string | null;
                                completedAt: string | null;
                                createdAt: string;
                                droppedFields?: string[];
                                durationMs: number;
                                flow: {
                                    id: string;
                                    version: number;
                                };
                                id: string;
                                offer: {
                                    [key: string]: unknown;
                                } | null;
                                outcome: string | null;
                                override: {
                                    at: string;
                                    note: string;
                                    outcome: string;
                                    reviewer: string;
                                } | null;
                                path: string[];
                                pendingReviewId: string | null;
                                personalDataErased?: boolean;
                                reasons: {
                                    code: string;
                                    /** @description for a model's reason: the feature */
                                    feature?: string;
                                    /** @description how much it raised the risk (log-odds for trees, points lost for scorecards) */
                                    impact?: number;
                                    node?: string;
                                    /** @enum {string} */
                                    severity?: "knockout" | "refer" | "warning";
                                    text: string;
                                    /** @description the text in other languages, by locale (en, zh-CN), where the flow gives them */
                                    texts?: {
                                        [key: string]: string;
                                    };
                                }[];
                                /** @enum {string} */
                                status: "completed" | "pending_review";
                                trace?: {
                                    branch?: string;
                                    error?: {
                                        code: string;
                                        message: string;
                                    };
                                    kind: string;
                                    ms: number;
                                    node: string;
                                    /** @description variables the node read, with their values (personal data masked for the caller) */
                                    read: {
                                        [key: string]: unknown;
                                    };
                                    warnings?: {
                                        code?: string;
                                        message: string;
                                    }[];
                                    wrote: {
                                        [key: string]: unknown;
                                    };
                                }[] | null;
                                /** @description the OpenTelemetry trace the decision was made in; null when tracing is off */
                                traceId: string | null;
                                versions?: unknown;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Decide an application; committed before the answer. A repeat with the same idempotency key returns the stored decision. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        application: {
                            [key: string]: unknown;
                        };
                        consents?: {
                            /** @description where it was given: web, branch, phone, partner */
                            channel: string;
                            /** Format: date-time */
                            expiresAt?: string | null;
                            /** Format: date-time */
                            grantedAt: string;
                            /** @description what the applicant agreed to, e.g. credit-bureau */
                            scope: string;
                        }[];
                        flow: string;
                        idempotencyKey: string;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            application?: {
                                [key: string]: unknown;
                            } | null;
                            automatedOutcome: string | null;
                            completedAt: string | null;
                            createdAt: string;
                            droppedFields?: string[];
                            durationMs: number;
                            flow: {
                                id: string;
                                version: number;
                            };
                            id: string;
                            offer: {
                                [key: string]: unknown;
                            } | null;
                            outcome: string | null;
                            override: {
                                at: string;
                                note: string;
                                outcome: string;
                                reviewer: string;
                            } | null;
                            path: string[];
                            pendingReviewId: string | null;
                            personalDataErased?: boolean;
                            reasons: {
                                code: string;
                                /** @description for a model's reason: the feature */
                                feature?: string;
                                /** @description how much it raised the risk (log-odds for trees, points lost for scorecards) */
                                impact?: number;
                                node?: string;
                                /** @enum {string} */
                                severity?: "knockout" | "refer" | "warning";
                                text: string;
                                /** @description the text in other languages, by locale (en, zh-CN), where the flow gives them */
                                texts?: {
                                    [key: string]: string;
                                };
                            }[];
                            /** @enum {string} */
                            status: "completed" | "pending_review";
                            trace?: {
                                branch?: string;
                                error?: {
                                    code: string;
                                    message: string;
                                };
                                kind: string;
                                ms: number;
                                node: string;
                                /** @description variables the node read, with their values (personal data masked for the caller) */
                                read: {
                                    [key: string]: unknown;
                                };
                                warnings?: {
                                    code?: string;
                                    message: string;
                                }[];
                                wrote: {
                                    [key: string]: unknown;
                                };
                            }[] | null;
                            /** @description the OpenTelemetry trace the decision was made in; null when tracing is off */
                            traceId: string | null;
                            versions?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            application?: {
                                [key: string]: unknown;
                            } | null;
                            automatedOutcome: string | null;
                            completedAt: string | null;
                            createdAt: string;
                            droppedFields?: string[];
                            durationMs: number;
                            flow: {
                                id: string;
                                version: number;
                            };
                            id: string;
                            offer: {
                                [key: string]: unknown;
                            } | null;
                            outcome: string | null;
                            override: {
                                at: string;
                                note: string;
                                outcome: string;
                                reviewer: string;
                            } | null;
                            path: string[];
                            pendingReviewId: string | null;
                            personalDataErased?: boolean;
                            reasons: {
                                code: string;
                                /** @description for a model's reason: the feature */
                                feature?: string;
                                /** @description how much it raised the risk (log-odds for trees, points lost for scorecards) */
                                impact?: number;
                                node?: string;
                                /** @enum {string} */
                                severity?: "knockout" | "refer" | "warning";
                                text: string;
                                /** @description the text in other languages, by locale (en, zh-CN), where the flow gives them */
                                texts?: {
                                    [key: string]: string;
                                };
                            }[];
                            /** @enum {string} */
                            status: "completed" | "pending_review";
                            trace?: {
                                branch?: string;
                                error?: {
                                    code: string;
                                    message: string;
                                };
                                kind: string;
                                ms: number;
                                node: string;
                                /** @description variables the node read, with their values (personal data masked for the caller) */
                                read: {
                                    [key: string]: unknown;
                                };
                                warnings?: {
                                    code?: string;
                                    message: string;
                                }[];
                                wrote: {
                                    [key: string]: unknown;
                                };
                            }[] | null;
                            /** @description the OpenTelemetry trace the decision was made in; null when tracing is off */
                            traceId: string | null;
                            versions?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/decisions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A decision with its trace and the exact versions used */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            application?: {
                                [key: string]: unknown;
                            } | null;
                            automatedOutcome: string | null;
                            completedAt: string | null;
                            createdAt: string;
                            droppedFields?: string[];
                            durationMs: number;
                            flow: {
                                id: string;
                                version: number;
                            };
                            id: string;
                            offer: {
                                [key: string]: unknown;
                            } | null;
                            outcome: string | null;
                            override: {
                                at: string;
                                note: string;
                                outcome: string;
                                reviewer: string;
                            } | null;
                            path: string[];
                            pendingReviewId: string | null;
                            personalDataErased?: boolean;
                            reasons: {
                                code: string;
                                /** @description for a model's reason: the feature */
                                feature?: string;
                                /** @description how much it raised the risk (log-odds for trees, points lost for scorecards) */
                                impact?: number;
                                node?: string;
                                /** @enum {string} */
                                severity?: "knockout" | "refer" | "warning";
                                text: string;
                                /** @description the text in other languages, by locale (en, zh-CN), where the flow gives them */
                                texts?: {
                                    [key: string]: string;
                                };
                            }[];
                            /** @enum {string} */
                            status: "completed" | "pending_review";
                            trace?: {
                                branch?: string;
                                error?: {
                                    code: string;
                                    message: string;
                                };
                                kind: string;
                                ms: number;
                                node: string;
                                /** @description variables the node read, with their values (personal data masked for the caller) */
                                read: {
                                    [key: string]: unknown;
                                };
                                warnings?: {
                                    code?: string;
                                    message: string;
                                }[];
                                wrote: {
                                    [key: string]: unknown;
                                };
                            }[] | null;
                            /** @description the OpenTelemetry trace the decision was made in; null when tracing is off */
                            traceId: string | null;
                            versions?: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/decisions/{id}/contest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The applicant contests an automated decision: a review case opens for a person */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        statement: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            decisionId: string;
                            queue: string;
                            reviewId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/decisions/{id}/explanation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What to tell the applicant: the outcome, its principal reasons in plain words, and whether it can be contested */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            canContest: boolean;
                            /** @enum {string} */
                            decidedBy: "automated" | "person" | "pending";
                            decisionId: string;
                            howToContest: string | null;
                            outcome: string | null;
                            reasons: {
                                code: string;
                                text: string;
                                texts?: {
                                    [key: string]: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/decisions/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Show personal data unmasked for a stated purpose; reviewers only for cases they hold; every reveal is an audit event */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description fields to reveal; all stored fields when absent */
                        fields?: string[];
                        /**
                         * @description why: review_case and complaint for the reviewer holding that case; applicant_request, fraud_investigation, legal_obligation and audit for admins
                         * @enum {string}
                         */
                        purpose: "review_case" | "complaint" | "applicant_request" | "fraud_investigation" | "legal_obligation" | "audit";
                        /** @description the request's ticket or case number (required for admins' purposes); never personal data */
                        reference?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            application: {
                                [key: string]: unknown;
                            };
                            decisionId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/decisions/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Find decisions by a searchable personal field (national ID, phone) through its blind index; the value travels in the body, never the URL */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        field: string;
                        /** @default 50 */
                        limit?: number;
                        value: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            decisions: {
                                application?: {
                                    [key: string]: unknown;
                                } | null;
                                automatedOutcome: string | null;
                                completedAt: string | null;
                                createdAt: string;
                                droppedFields?: string[];
                                durationMs: number;
                                flow: {
                                    id: string;
                                    version: number;
                                };
                                id: string;
                                offer: {
                                    [key: string]: unknown;
                                } | null;
                                outcome: string | null;
                                override: {
                                    at: string;
                                    note: string;
                                    outcome: string;
                                    reviewer: string;
                                } | null;
                                path: string[];
                                pendingReviewId: string | null;
                                personalDataErased?: boolean;
                                reasons: {
                                    code: string;
                                    /** @description for a model's reason: the feature */
                                    feature?: string;
                                    /** @description how much it raised the risk (log-odds for trees, points lost for scorecards) */
                                    impact?: number;
                                    node?: string;
                                    /** @enum {string} */
                                    severity?: "knockout" | "refer" | "warning";
                                    text: string;
                                    /** @description the text in other languages, by locale (en, zh-CN), where the flow gives them */
                                    texts?: {
                                        [key: string]: string;
                                    };
                                }[];
                                /** @enum {string} */
                                status: "completed" | "pending_review";
                                trace?: {
                                    branch?: string;
                                    error?: {
                                        code: string;
                                        message: string;
                                    };
                                    kind: string;
                                    ms: number;
                                    node: string;
                                    /** @description variables the node read, with their values (personal data masked for the caller) */
                                    read: {
                                        [key: string]: unknown;
                                    };
                                    warnings?: {
                                        code?: string;
                                        message: string;
                                    }[];
                                    wrote: {
                                        [key: string]: unknown;
                                    };
                                }[] | null;
                                /** @description the OpenTelemetry trace the decision was made in; null when tracing is off */
                                traceId: string | null;
                                versions?: unknown;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dmn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stored DMN models, each at its latest version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            models: {
                                approvedAt: string | null;
                                /** @description who approved the version for use (POST /v1/releases); flows naming it are released only after */
                                approvedBy: string | null;
                                contentHash: string;
                                createdAt: string;
                                createdBy: string;
                                modelId: string;
                                /** @description how a flow's table node names this version: "dmn": {"model": reference, "decision": ...} */
                                reference: string;
                                /** @description name, namespace, DMN version, decisions (with the kind of their logic), input data, knowledge models, services, imports (each with the stored version it was linked to at upload, "id@version") */
                                summary: {
                                    [key: string]: unknown;
                                };
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Upload a DMN model as the next version of an id; the same XML again returns its existing version (200). Models it imports must be stored first: each import is linked to the latest version of the stored model with its namespace */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id: string;
                        /** @description the DMN document */
                        xml: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approvedAt: string | null;
                            /** @description who approved the version for use (POST /v1/releases); flows naming it are released only after */
                            approvedBy: string | null;
                            contentHash: string;
                            createdAt: string;
                            createdBy: string;
                            modelId: string;
                            /** @description how a flow's table node names this version: "dmn": {"model": reference, "decision": ...} */
                            reference: string;
                            /** @description name, namespace, DMN version, decisions (with the kind of their logic), input data, knowledge models, services, imports (each with the stored version it was linked to at upload, "id@version") */
                            summary: {
                                [key: string]: unknown;
                            };
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approvedAt: string | null;
                            /** @description who approved the version for use (POST /v1/releases); flows naming it are released only after */
                            approvedBy: string | null;
                            contentHash: string;
                            createdAt: string;
                            createdBy: string;
                            modelId: string;
                            /** @description how a flow's table node names this version: "dmn": {"model": reference, "decision": ...} */
                            reference: string;
                            /** @description name, namespace, DMN version, decisions (with the kind of their logic), input data, knowledge models, services, imports (each with the stored version it was linked to at upload, "id@version") */
                            summary: {
                                [key: string]: unknown;
                            };
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dmn/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            versions: {
                                approvedAt: string | null;
                                /** @description who approved the version for use (POST /v1/releases); flows naming it are released only after */
                                approvedBy: string | null;
                                contentHash: string;
                                createdAt: string;
                                createdBy: string;
                                modelId: string;
                                /** @description how a flow's table node names this version: "dmn": {"model": reference, "decision": ...} */
                                reference: string;
                                /** @description name, namespace, DMN version, decisions (with the kind of their logic), input data, knowledge models, services, imports (each with the stored version it was linked to at upload, "id@version") */
                                summary: {
                                    [key: string]: unknown;
                                };
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dmn/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approvedAt: string | null;
                            /** @description who approved the version for use (POST /v1/releases); flows naming it are released only after */
                            approvedBy: string | null;
                            contentHash: string;
                            createdAt: string;
                            createdBy: string;
                            modelId: string;
                            /** @description how a flow's table node names this version: "dmn": {"model": reference, "decision": ...} */
                            reference: string;
                            /** @description name, namespace, DMN version, decisions (with the kind of their logic), input data, knowledge models, services, imports (each with the stored version it was linked to at upload, "id@version") */
                            summary: {
                                [key: string]: unknown;
                            };
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dmn/{id}/versions/{version}/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Evaluate a decision with JSON inputs (dates and durations as ISO 8601 strings, read by the model's types) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        decision: string;
                        input: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            decision: string;
                            errors: {
                                decision: string;
                                message: string;
                            }[];
                            value: unknown;
                            warnings: {
                                code: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dmn/{id}/versions/{version}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The DMN XML as it was uploaded */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events a sink gave up on after its attempts, oldest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    sink?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deadLetters: {
                                at: string;
                                attempts: number;
                                event: {
                                    applicationId: string;
                                    data: {
                                        [key: string]: unknown;
                                    };
                                    id: string;
                                    occurredAt: string;
                                    seq: number;
                                    type: string;
                                };
                                lastError: string | null;
                                sink: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/dead-letters/{sink}/{seq}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a dead-lettered event to its sink again (in its place in its application’s order) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    seq: number;
                    sink: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            seq: number;
                            sink: string;
                            /** @enum {string} */
                            status: "queued";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/sinks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each decision-event sink: events delivered, failing (being retried), dead-lettered, and not yet delivered */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sinks: {
                                behind: number;
                                dead: number;
                                delivered: number;
                                failing: number;
                                sink: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/feel/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check the syntax of FEEL: an expression, or the unary tests of a decision-table input cell */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default expression
                         * @enum {string}
                         */
                        kind?: "expression" | "unary-tests";
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                column: number;
                                line: number;
                                message: string;
                            } | null;
                            ok: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/feel/functions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** FEEL's built-in functions with their parameter names, for an editor's completion */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            functions: {
                                name: string;
                                overloads: string[][];
                                params: string[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List flows */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            flows: {
                                createdAt: string;
                                id: string;
                                latestVersion: number;
                                /** @description the version that decides: the last published, or an earlier one after a rollback */
                                liveVersion: number | null;
                                name: string;
                                /** @description the highest published version */
                                publishedVersion: number | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a flow from a definition (its first draft) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a flow definition; see GET /v1/flows/schema */
                        definition: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentHash: string;
                            createdAt: string;
                            createdBy: string;
                            definition: unknown;
                            flowId: string;
                            publishedAt: string | null;
                            publishedBy: string | null;
                            /** @enum {string} */
                            status: "draft" | "published";
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/{id}/challenger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The challenger and how the arms compare since it was set: decisions, outcomes, approval rate and time per arm; for shadow, champion against shadow verdicts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            arms: {
                                approvalRate: number;
                                arm: string;
                                decisions: number;
                                meanMs: number;
                                outcomes: {
                                    [key: string]: number;
                                };
                                version: number;
                            }[];
                            challenger: {
                                champion: number;
                                flowId: string;
                                /** @enum {string} */
                                mode: "split" | "shadow";
                                setAt: string;
                                setBy: string;
                                share: number;
                                version: number;
                            };
                            shadow: {
                                champion: string;
                                count: number;
                                shadow: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        /** Name a published version as challenger: it decides a share of applications (split, assigned by a hash of the application) or runs beside the champion without acting (shadow). The champion is pinned meanwhile */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description default: the latest published version other than the challenger */
                        champion?: number;
                        /** @enum {string} */
                        mode: "split" | "shadow";
                        /** @description split: the share of applications the challenger decides */
                        share?: number;
                        /** @description the challenger, a published version */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            champion: number;
                            flowId: string;
                            /** @enum {string} */
                            mode: "split" | "shadow";
                            setAt: string;
                            setBy: string;
                            share: number;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /** Stop the challenger: every application goes to the champion */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cleared: boolean;
                            flowId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed between two versions */
        get: {
            parameters: {
                query: {
                    from: number;
                    to: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/{id}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return the flow to an earlier published version: for approval by another person, or at once in an emergency */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        emergency?: boolean;
                        reason: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description approve: a stored artefact approved for use
                             * @enum {string}
                             */
                            action: "publish" | "rollback" | "approve";
                            /** @description artefact versions this release approves for use with its flow (a retraining run submits its model version so) */
                            alsoApproves: {
                                id: string;
                                /** @enum {string} */
                                kind: "model" | "dmn_model" | "connector";
                                version: number;
                            }[];
                            /** @description who created or edited the version: none of them may approve it */
                            authors: string[];
                            comment: string | null;
                            confirmedAt: string | null;
                            confirmedBy: string | null;
                            contentHash: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            effectiveAt: string | null;
                            emergency: boolean;
                            error: string | null;
                            /** @description the live version when the change was asked for */
                            fromVersion: number | null;
                            id: string;
                            /** @description aggregates only: approval rates, swap-ins and swap-outs, paths and reasons that change */
                            impact: {
                                bureau: {
                                    replayed: number;
                                    unavailable: number;
                                };
                                changedOffer: {
                                    count: number;
                                    share: number;
                                };
                                changedOutcome: number;
                                changedReasons: {
                                    count: number;
                                    share: number;
                                    top: {
                                        count: number;
                                        from: string;
                                        to: string;
                                    }[];
                                };
                                decisions: number;
                                draft: {
                                    approvalRate: number;
                                    expectedLoss: number | null;
                                    expectedProfit: number | null;
                                    outcomes: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                /** @description decisions left out because their personal data was erased */
                                erased: number;
                                errors: {
                                    draft: {
                                        [key: string]: number;
                                    };
                                    live: {
                                        [key: string]: number;
                                    };
                                };
                                live: {
                                    approvalRate: number;
                                    expectedLoss: number | null;
                                    expectedProfit: number | null;
                                    outcomes: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                /** @description draft verdict, then live verdict: how many */
                                matrix: {
                                    approve: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    decline: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    refer: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    review: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                paths: {
                                    added: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                    changed: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                    distinctDraft: number;
                                    distinctLive: number;
                                    removed: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                };
                                seconds: number;
                                /**
                                 * @description the live version's latest decisions, or applications uploaded with the submission
                                 * @enum {string}
                                 */
                                source: "decisions" | "sample";
                                swapIns: {
                                    bad: number;
                                    badRate: number | null;
                                    count: number;
                                    known: number;
                                    share: number;
                                };
                                swapOuts: {
                                    bad: number;
                                    badRate: number | null;
                                    count: number;
                                    known: number;
                                    share: number;
                                };
                            } | null;
                            impactDecisions: number;
                            impactError: string | null;
                            /** @enum {string} */
                            impactStatus: "none" | "pending" | "running" | "done" | "failed";
                            note: string;
                            publishedAt: string | null;
                            /** @enum {string} */
                            status: "submitted" | "approved" | "rejected" | "withdrawn" | "published" | "failed";
                            subjectId: string;
                            /**
                             * @description a flow, or a stored artefact flows name
                             * @enum {string}
                             */
                            subjectType: "flow" | "model" | "dmn_model" | "connector";
                            submittedAt: string;
                            submittedBy: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            versions: {
                                contentHash: string;
                                createdAt: string;
                                createdBy: string;
                                definition: unknown;
                                flowId: string;
                                publishedAt: string | null;
                                publishedBy: string | null;
                                /** @enum {string} */
                                status: "draft" | "published";
                                updatedAt: string;
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a draft version */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a flow definition; see GET /v1/flows/schema */
                        definition: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentHash: string;
                            createdAt: string;
                            createdBy: string;
                            definition: unknown;
                            flowId: string;
                            publishedAt: string | null;
                            publishedBy: string | null;
                            /** @enum {string} */
                            status: "draft" | "published";
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentHash: string;
                            createdAt: string;
                            createdBy: string;
                            definition: unknown;
                            flowId: string;
                            publishedAt: string | null;
                            publishedBy: string | null;
                            /** @enum {string} */
                            status: "draft" | "published";
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        /** Edit a draft (published versions are immutable: 409) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a flow definition; see GET /v1/flows/schema */
                        definition: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentHash: string;
                            createdAt: string;
                            createdBy: string;
                            definition: unknown;
                            flowId: string;
                            publishedAt: string | null;
                            publishedBy: string | null;
                            /** @enum {string} */
                            status: "draft" | "published";
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/{id}/versions/{version}/impact-assessment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A personal information impact assessment of the version (PIPL Art. 55-56): personal data read, consents, bureaus, models, human review, retention, who may reveal, and the share of the last 30 days decided without a person */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "html";
                };
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/{id}/versions/{version}/nodes/{node}/dmn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A table node's table as a DMN 1.5 model, or 1.3 for Camunda Modeler (for other tools, or to store with POST /v1/dmn) */
        get: {
            parameters: {
                query?: {
                    /** @description 1.3 opens in Camunda Modeler, which does not read DMN 1.4 or 1.5 */
                    dmnVersion?: "1.5" | "1.3";
                };
                header?: never;
                path: {
                    id: string;
                    node: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/{id}/versions/{version}/paths": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every distinct path from input to an output */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            paths: {
                                conditions: string[];
                                end: string;
                                outcome: string;
                                steps: string[];
                            }[];
                            truncated: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/{id}/versions/{version}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a draft in one step: only where one person may release alone (ARBITER_SINGLE_PERSON_RELEASE=true); otherwise 403 approval_required, and the draft is submitted for approval */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentHash: string;
                            createdAt: string;
                            createdBy: string;
                            definition: unknown;
                            flowId: string;
                            publishedAt: string | null;
                            publishedBy: string | null;
                            /** @enum {string} */
                            status: "draft" | "published";
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/{id}/versions/{version}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a draft for approval with a change note; its impact on the latest decisions is computed in the background */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        impactDecisions?: number;
                        note: string;
                        /** @description applications to replay instead of recent decisions (a first release has none); sealed, and destroyed once the report is written */
                        sample?: {
                            content: string;
                            /** @enum {string} */
                            format: "csv" | "jsonl";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description approve: a stored artefact approved for use
                             * @enum {string}
                             */
                            action: "publish" | "rollback" | "approve";
                            /** @description artefact versions this release approves for use with its flow (a retraining run submits its model version so) */
                            alsoApproves: {
                                id: string;
                                /** @enum {string} */
                                kind: "model" | "dmn_model" | "connector";
                                version: number;
                            }[];
                            /** @description who created or edited the version: none of them may approve it */
                            authors: string[];
                            comment: string | null;
                            confirmedAt: string | null;
                            confirmedBy: string | null;
                            contentHash: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            effectiveAt: string | null;
                            emergency: boolean;
                            error: string | null;
                            /** @description the live version when the change was asked for */
                            fromVersion: number | null;
                            id: string;
                            /** @description aggregates only: approval rates, swap-ins and swap-outs, paths and reasons that change */
                            impact: {
                                bureau: {
                                    replayed: number;
                                    unavailable: number;
                                };
                                changedOffer: {
                                    count: number;
                                    share: number;
                                };
                                changedOutcome: number;
                                changedReasons: {
                                    count: number;
                                    share: number;
                                    top: {
                                        count: number;
                                        from: string;
                                        to: string;
                                    }[];
                                };
                                decisions: number;
                                draft: {
                                    approvalRate: number;
                                    expectedLoss: number | null;
                                    expectedProfit: number | null;
                                    outcomes: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                /** @description decisions left out because their personal data was erased */
                                erased: number;
                                errors: {
                                    draft: {
                                        [key: string]: number;
                                    };
                                    live: {
                                        [key: string]: number;
                                    };
                                };
                                live: {
                                    approvalRate: number;
                                    expectedLoss: number | null;
                                    expectedProfit: number | null;
                                    outcomes: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                /** @description draft verdict, then live verdict: how many */
                                matrix: {
                                    approve: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    decline: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    refer: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    review: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                paths: {
                                    added: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                    changed: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                    distinctDraft: number;
                                    distinctLive: number;
                                    removed: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                };
                                seconds: number;
                                /**
                                 * @description the live version's latest decisions, or applications uploaded with the submission
                                 * @enum {string}
                                 */
                                source: "decisions" | "sample";
                                swapIns: {
                                    bad: number;
                                    badRate: number | null;
                                    count: number;
                                    known: number;
                                    share: number;
                                };
                                swapOuts: {
                                    bad: number;
                                    badRate: number | null;
                                    count: number;
                                    known: number;
                                    share: number;
                                };
                            } | null;
                            impactDecisions: number;
                            impactError: string | null;
                            /** @enum {string} */
                            impactStatus: "none" | "pending" | "running" | "done" | "failed";
                            note: string;
                            publishedAt: string | null;
                            /** @enum {string} */
                            status: "submitted" | "approved" | "rejected" | "withdrawn" | "published" | "failed";
                            subjectId: string;
                            /**
                             * @description a flow, or a stored artefact flows name
                             * @enum {string}
                             */
                            subjectType: "flow" | "model" | "dmn_model" | "connector";
                            submittedAt: string;
                            submittedBy: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/{id}/versions/{version}/tests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a stored version's test cases */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                failures: string[];
                                name: string;
                                passed: boolean;
                                result: {
                                    issues: {
                                        code: string;
                                        column?: number;
                                        /** @description the index of the edge the issue concerns */
                                        edge?: number;
                                        /** @description FEEL syntax errors: the line in the expression */
                                        line?: number;
                                        message: string;
                                        /** @description the node the issue concerns (input fields belong to the input node) */
                                        node?: string;
                                        path: string;
                                    }[];
                                    ms: number;
                                    offer: {
                                        [key: string]: unknown;
                                    } | null;
                                    /** @enum {string|null} */
                                    outcome: "approve" | "decline" | "refer" | "pending_review" | null;
                                    path: string[];
                                    reasons: {
                                        code: string;
                                        /** @description for a model's reason: the feature */
                                        feature?: string;
                                        /** @description how much it raised the risk (log-odds for trees, points lost for scorecards) */
                                        impact?: number;
                                        node?: string;
                                        /** @enum {string} */
                                        severity?: "knockout" | "refer" | "warning";
                                        text: string;
                                        /** @description the text in other languages, by locale (en, zh-CN), where the flow gives them */
                                        texts?: {
                                            [key: string]: string;
                                        };
                                    }[];
                                    /** @enum {string} */
                                    status: "completed" | "pending_review" | "invalid" | "failed";
                                    trace: {
                                        branch?: string;
                                        error?: {
                                            code: string;
                                            message: string;
                                        };
                                        kind: string;
                                        ms: number;
                                        node: string;
                                        /** @description variables the node read, with their values (personal data masked for the caller) */
                                        read: {
                                            [key: string]: unknown;
                                        };
                                        warnings?: {
                                            code?: string;
                                            message: string;
                                        }[];
                                        wrote: {
                                            [key: string]: unknown;
                                        };
                                    }[];
                                    wait: {
                                        node: string;
                                        queue: string;
                                        reason: string;
                                    } | null;
                                };
                            }[];
                            failed: number;
                            passed: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/{id}/versions/{version}/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the static checks; list every problem with its JSON path */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            issues: {
                                code: string;
                                column?: number;
                                line?: number;
                                message: string;
                                path: string;
                            }[];
                            ok: boolean;
                            paths: number | null;
                            publishable: {
                                code: string;
                                column?: number;
                                line?: number;
                                message: string;
                                path: string;
                            }[];
                            /** @description what does not stop publishing but deserves a look: conditions that are null when an optional field is missing */
                            warnings: {
                                code: string;
                                column?: number;
                                line?: number;
                                message: string;
                                path: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check an unsaved definition: every problem with the node or edge it concerns, what publishing needs, the path count */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a flow definition, saved or not; see GET /v1/flows/schema */
                        definition: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            issues: {
                                code: string;
                                column?: number;
                                /** @description the index of the edge the issue concerns */
                                edge?: number;
                                /** @description FEEL syntax errors: the line in the expression */
                                line?: number;
                                message: string;
                                /** @description the node the issue concerns (input fields belong to the input node) */
                                node?: string;
                                path: string;
                            }[];
                            /** @description time the checks took on the server */
                            ms: number;
                            /** @description input fields and the variables nodes set */
                            names: string[];
                            ok: boolean;
                            paths: {
                                count: number;
                                truncated: boolean;
                            } | null;
                            publishable: {
                                code: string;
                                column?: number;
                                /** @description the index of the edge the issue concerns */
                                edge?: number;
                                /** @description FEEL syntax errors: the line in the expression */
                                line?: number;
                                message: string;
                                /** @description the node the issue concerns (input fields belong to the input node) */
                                node?: string;
                                path: string;
                            }[];
                            /** @description by node id: the names set once the node has run (the input fields and what it and the nodes before it wrote); a node's expressions read its parents' names */
                            scope: {
                                [key: string]: string[];
                            };
                            warnings: {
                                code: string;
                                column?: number;
                                /** @description the index of the edge the issue concerns */
                                edge?: number;
                                /** @description FEEL syntax errors: the line in the expression */
                                line?: number;
                                message: string;
                                /** @description the node the issue concerns (input fields belong to the input node) */
                                node?: string;
                                path: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The JSON Schema of flow definitions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/tests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run an unsaved definition's test cases */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a flow definition, saved or not; see GET /v1/flows/schema */
                        definition: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                failures: string[];
                                name: string;
                                passed: boolean;
                                result: {
                                    issues: {
                                        code: string;
                                        column?: number;
                                        /** @description the index of the edge the issue concerns */
                                        edge?: number;
                                        /** @description FEEL syntax errors: the line in the expression */
                                        line?: number;
                                        message: string;
                                        /** @description the node the issue concerns (input fields belong to the input node) */
                                        node?: string;
                                        path: string;
                                    }[];
                                    ms: number;
                                    offer: {
                                        [key: string]: unknown;
                                    } | null;
                                    /** @enum {string|null} */
                                    outcome: "approve" | "decline" | "refer" | "pending_review" | null;
                                    path: string[];
                                    reasons: {
                                        code: string;
                                        /** @description for a model's reason: the feature */
                                        feature?: string;
                                        /** @description how much it raised the risk (log-odds for trees, points lost for scorecards) */
                                        impact?: number;
                                        node?: string;
                                        /** @enum {string} */
                                        severity?: "knockout" | "refer" | "warning";
                                        text: string;
                                        /** @description the text in other languages, by locale (en, zh-CN), where the flow gives them */
                                        texts?: {
                                            [key: string]: string;
                                        };
                                    }[];
                                    /** @enum {string} */
                                    status: "completed" | "pending_review" | "invalid" | "failed";
                                    trace: {
                                        branch?: string;
                                        error?: {
                                            code: string;
                                            message: string;
                                        };
                                        kind: string;
                                        ms: number;
                                        node: string;
                                        /** @description variables the node read, with their values (personal data masked for the caller) */
                                        read: {
                                            [key: string]: unknown;
                                        };
                                        warnings?: {
                                            code?: string;
                                            message: string;
                                        }[];
                                        wrote: {
                                            [key: string]: unknown;
                                        };
                                    }[];
                                    wait: {
                                        node: string;
                                        queue: string;
                                        reason: string;
                                    } | null;
                                };
                            }[];
                            failed: number;
                            passed: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/trial": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run one application through an unsaved definition and return the path and every step; nothing is stored, no bureau is called */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        application: {
                            [key: string]: unknown;
                        };
                        /** @description consent scopes the applicant gave, e.g. credit-bureau */
                        consents?: string[];
                        /** @description a flow definition, saved or not; see GET /v1/flows/schema */
                        definition: {
                            [key: string]: unknown;
                        };
                        /** @description by bureau node id: the mapped features its pull returns (null: it fails); a trial never calls a bureau */
                        reports?: {
                            [key: string]: {
                                [key: string]: unknown;
                            } | null;
                        };
                        /** @description by review node id: the verdict a person gives */
                        reviews?: {
                            [key: string]: "approve" | "decline";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            issues: {
                                code: string;
                                column?: number;
                                /** @description the index of the edge the issue concerns */
                                edge?: number;
                                /** @description FEEL syntax errors: the line in the expression */
                                line?: number;
                                message: string;
                                /** @description the node the issue concerns (input fields belong to the input node) */
                                node?: string;
                                path: string;
                            }[];
                            ms: number;
                            offer: {
                                [key: string]: unknown;
                            } | null;
                            /** @enum {string|null} */
                            outcome: "approve" | "decline" | "refer" | "pending_review" | null;
                            path: string[];
                            reasons: {
                                code: string;
                                /** @description for a model's reason: the feature */
                                feature?: string;
                                /** @description how much it raised the risk (log-odds for trees, points lost for scorecards) */
                                impact?: number;
                                node?: string;
                                /** @enum {string} */
                                severity?: "knockout" | "refer" | "warning";
                                text: string;
                                /** @description the text in other languages, by locale (en, zh-CN), where the flow gives them */
                                texts?: {
                                    [key: string]: string;
                                };
                            }[];
                            /** @enum {string} */
                            status: "completed" | "pending_review" | "invalid" | "failed";
                            trace: {
                                branch?: string;
                                error?: {
                                    code: string;
                                    message: string;
                                };
                                kind: string;
                                ms: number;
                                node: string;
                                /** @description variables the node read, with their values (personal data masked for the caller) */
                                read: {
                                    [key: string]: unknown;
                                };
                                warnings?: {
                                    code?: string;
                                    message: string;
                                }[];
                                wrote: {
                                    [key: string]: unknown;
                                };
                            }[];
                            wait: {
                                node: string;
                                queue: string;
                                reason: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/governance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How changes are released here */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            impactDecisions: number;
                            singlePersonRelease: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (never their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: {
                                createdAt: string;
                                createdBy: string | null;
                                id: string;
                                name: string;
                                /** @description an admin key waiting for a second admin (this change): it does not authenticate yet */
                                pendingChange: string | null;
                                prefix: string;
                                revokedAt: string | null;
                                /** @enum {string} */
                                role: "admin" | "risk-manager" | "analyst" | "reviewer" | "auditor" | "service";
                                /** @description the person the key belongs to; null for a named service */
                                userId: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API key; the secret is in this response only. An admin key, where another admin exists, waits for a second admin (202, pendingChange) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "risk-manager" | "analyst" | "reviewer" | "auditor" | "service";
                        /** @description the person the key belongs to (a user id); it then acts as them */
                        userId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: {
                                createdAt: string;
                                createdBy: string | null;
                                id: string;
                                name: string;
                                /** @description an admin key waiting for a second admin (this change): it does not authenticate yet */
                                pendingChange: string | null;
                                prefix: string;
                                revokedAt: string | null;
                                /** @enum {string} */
                                role: "admin" | "risk-manager" | "analyst" | "reviewer" | "auditor" | "service";
                                /** @description the person the key belongs to; null for a named service */
                                userId: string | null;
                            };
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: {
                                createdAt: string;
                                createdBy: string | null;
                                id: string;
                                name: string;
                                /** @description an admin key waiting for a second admin (this change): it does not authenticate yet */
                                pendingChange: string | null;
                                prefix: string;
                                revokedAt: string | null;
                                /** @enum {string} */
                                role: "admin" | "risk-manager" | "analyst" | "reviewer" | "auditor" | "service";
                                /** @description the person the key belongs to; null for a named service */
                                userId: string | null;
                            };
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: {
                                createdAt: string;
                                createdBy: string | null;
                                id: string;
                                name: string;
                                /** @description an admin key waiting for a second admin (this change): it does not authenticate yet */
                                pendingChange: string | null;
                                prefix: string;
                                revokedAt: string | null;
                                /** @enum {string} */
                                role: "admin" | "risk-manager" | "analyst" | "reviewer" | "auditor" | "service";
                                /** @description the person the key belongs to; null for a named service */
                                userId: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lifecycle/programs/{modelId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    modelId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            confirmedAt: string | null;
                            /** @description the second risk manager who confirmed the program as set; automatic approval needs it where releases take two people */
                            confirmedBy: string | null;
                            decisionLogic: {
                                [key: string]: unknown;
                            } | null;
                            flowId: string;
                            modelId: string;
                            ootMonths: number;
                            policy: {
                                [key: string]: unknown;
                            };
                            sample: {
                                [key: string]: unknown;
                            };
                            scoreNode: string;
                            triggers: {
                                [key: string]: unknown;
                            } | null;
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        /** How a model is rebuilt: the flow and score node that use it, the sample definition, the out-of-time slice and the promotion policy */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    modelId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description what the optimiser re-sets with each new model: switchNode, approveTo and strategy for one PD cutoff on an edge; or table {node, segment} and strategy for a decision table the run writes, one rule per segment with its cutoff, rate and limit factor */
                        decisionLogic?: {
                            [key: string]: unknown;
                        } | null;
                        flow: string;
                        /** @default 3 */
                        ootMonths?: number;
                        /** @description minAucGain, minKsGain, maxPsi, maxCalibrationGap, approval: auto | risk-manager */
                        policy?: {
                            [key: string]: unknown;
                        };
                        /** @description observation and performance windows, bad and indeterminate thresholds, features, reject inference */
                        sample: {
                            [key: string]: unknown;
                        };
                        scoreNode: string;
                        /** @description sampleGrowth (share), minAccounts: start a run when the matured sample grows */
                        triggers?: {
                            [key: string]: unknown;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            confirmedAt: string | null;
                            /** @description the second risk manager who confirmed the program as set; automatic approval needs it where releases take two people */
                            confirmedBy: string | null;
                            decisionLogic: {
                                [key: string]: unknown;
                            } | null;
                            flowId: string;
                            modelId: string;
                            ootMonths: number;
                            policy: {
                                [key: string]: unknown;
                            };
                            sample: {
                                [key: string]: unknown;
                            };
                            scoreNode: string;
                            triggers: {
                                [key: string]: unknown;
                            } | null;
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lifecycle/programs/{modelId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A second risk manager confirms a program as it is set (give its updatedAt as read): where releases take two people, its automatic approval takes effect only then; changing the program again needs a new confirmation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    modelId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description the program's updatedAt as read, so a change since is not confirmed by mistake
                         */
                        updatedAt: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            confirmedAt: string | null;
                            /** @description the second risk manager who confirmed the program as set; automatic approval needs it where releases take two people */
                            confirmedBy: string | null;
                            decisionLogic: {
                                [key: string]: unknown;
                            } | null;
                            flowId: string;
                            modelId: string;
                            ootMonths: number;
                            policy: {
                                [key: string]: unknown;
                            };
                            sample: {
                                [key: string]: unknown;
                            };
                            scoreNode: string;
                            triggers: {
                                [key: string]: unknown;
                            } | null;
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lifecycle/programs/{modelId}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo the last promotion in one call: the flow as it was before it is published again at once, listed as an emergency rollback for a second person to confirm */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    modelId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            challengerVersion: number | null;
                            championVersion: number | null;
                            checks: unknown;
                            createdAt: string;
                            createdBy: string;
                            decidedBy: string | null;
                            error: string | null;
                            finishedAt: string | null;
                            flowVersionAfter: number | null;
                            flowVersionBefore: number | null;
                            id: string;
                            modelId: string;
                            reasons: string[];
                            /** @description the release that publishes the promotion (GET /v1/releases/:id); the run follows it */
                            releaseId: string | null;
                            sampleReport: unknown;
                            /** @enum {string} */
                            status: "queued" | "running" | "rejected" | "awaiting_approval" | "promoted" | "rolled_back" | "failed";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lifecycle/programs/{modelId}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    modelId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            runs: {
                                asOf: string;
                                challengerVersion: number | null;
                                championVersion: number | null;
                                checks: unknown;
                                createdAt: string;
                                createdBy: string;
                                decidedBy: string | null;
                                error: string | null;
                                finishedAt: string | null;
                                flowVersionAfter: number | null;
                                flowVersionBefore: number | null;
                                id: string;
                                modelId: string;
                                reasons: string[];
                                /** @description the release that publishes the promotion (GET /v1/releases/:id); the run follows it */
                                releaseId: string | null;
                                sampleReport: unknown;
                                /** @enum {string} */
                                status: "queued" | "running" | "rejected" | "awaiting_approval" | "promoted" | "rolled_back" | "failed";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Retrain now, as a job */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    modelId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description the date outcomes are judged at (default: now)
                         */
                        asOf?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            challengerVersion: number | null;
                            championVersion: number | null;
                            checks: unknown;
                            createdAt: string;
                            createdBy: string;
                            decidedBy: string | null;
                            error: string | null;
                            finishedAt: string | null;
                            flowVersionAfter: number | null;
                            flowVersionBefore: number | null;
                            id: string;
                            modelId: string;
                            reasons: string[];
                            /** @description the release that publishes the promotion (GET /v1/releases/:id); the run follows it */
                            releaseId: string | null;
                            sampleReport: unknown;
                            /** @enum {string} */
                            status: "queued" | "running" | "rejected" | "awaiting_approval" | "promoted" | "rolled_back" | "failed";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lifecycle/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A retraining run: status, champion and challenger checks, the policy's reasons, lineage */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            challengerVersion: number | null;
                            championVersion: number | null;
                            checks: unknown;
                            createdAt: string;
                            createdBy: string;
                            decidedBy: string | null;
                            error: string | null;
                            finishedAt: string | null;
                            flowVersionAfter: number | null;
                            flowVersionBefore: number | null;
                            id: string;
                            modelId: string;
                            reasons: string[];
                            /** @description the release that publishes the promotion (GET /v1/releases/:id); the run follows it */
                            releaseId: string | null;
                            sampleReport: unknown;
                            /** @enum {string} */
                            status: "queued" | "running" | "rejected" | "awaiting_approval" | "promoted" | "rolled_back" | "failed";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lifecycle/runs/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a challenger that awaits approval: the run's release (its flow version and model version) is approved under the four-eyes rules and goes live */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            challengerVersion: number | null;
                            championVersion: number | null;
                            checks: unknown;
                            createdAt: string;
                            createdBy: string;
                            decidedBy: string | null;
                            error: string | null;
                            finishedAt: string | null;
                            flowVersionAfter: number | null;
                            flowVersionBefore: number | null;
                            id: string;
                            modelId: string;
                            reasons: string[];
                            /** @description the release that publishes the promotion (GET /v1/releases/:id); the run follows it */
                            releaseId: string | null;
                            sampleReport: unknown;
                            /** @enum {string} */
                            status: "queued" | "running" | "rejected" | "awaiting_approval" | "promoted" | "rolled_back" | "failed";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lifecycle/runs/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            challengerVersion: number | null;
                            championVersion: number | null;
                            checks: unknown;
                            createdAt: string;
                            createdBy: string;
                            decidedBy: string | null;
                            error: string | null;
                            finishedAt: string | null;
                            flowVersionAfter: number | null;
                            flowVersionBefore: number | null;
                            id: string;
                            modelId: string;
                            reasons: string[];
                            /** @description the release that publishes the promotion (GET /v1/releases/:id); the run follows it */
                            releaseId: string | null;
                            sampleReport: unknown;
                            /** @enum {string} */
                            status: "queued" | "running" | "rejected" | "awaiting_approval" | "promoted" | "rolled_back" | "failed";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller: key (or console session) id, who acts, name and role */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description who acts, as the audit log and releases record it: the person, or the key of a named service */
                            actor: string;
                            /** @description the currency the installation lends in (ARBITER_CURRENCY, ISO 4217): amounts are in it */
                            currency: string;
                            /** @description the API key, or the console session */
                            keyId: string;
                            /**
                             * @description the console language this person chose, wherever they signed in; null until they choose
                             * @enum {string|null}
                             */
                            locale: "en" | "zh-CN" | null;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "risk-manager" | "analyst" | "reviewer" | "auditor" | "service";
                            /** @enum {string} */
                            via: "key" | "session";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The caller's console preferences: its language, kept for the person (or the key) and used in every browser */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description null goes back to the browser's language
                         * @enum {string|null}
                         */
                        locale: "en" | "zh-CN" | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description en or zh-CN
                             * @enum {string|null}
                             */
                            locale: "en" | "zh-CN" | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List stored models */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            models: {
                                createdAt: string;
                                id: string;
                                kind: string;
                                latestVersion: number;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{id}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return a model to an earlier approved version in every live flow that scores with it: a new version of each flow, for approval by another person, or published at once in an emergency */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        emergency?: boolean;
                        reason: string;
                        /** @description the model version to go back to */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            flows: {
                                flowId: string;
                                /** @description the versions of the model the live flow used */
                                from: number[];
                                /** @description the flow version live when the rollback was asked for */
                                liveVersion: number;
                                release: {
                                    /**
                                     * @description approve: a stored artefact approved for use
                                     * @enum {string}
                                     */
                                    action: "publish" | "rollback" | "approve";
                                    /** @description artefact versions this release approves for use with its flow (a retraining run submits its model version so) */
                                    alsoApproves: {
                                        id: string;
                                        /** @enum {string} */
                                        kind: "model" | "dmn_model" | "connector";
                                        version: number;
                                    }[];
                                    /** @description who created or edited the version: none of them may approve it */
                                    authors: string[];
                                    comment: string | null;
                                    confirmedAt: string | null;
                                    confirmedBy: string | null;
                                    contentHash: string;
                                    decidedAt: string | null;
                                    decidedBy: string | null;
                                    effectiveAt: string | null;
                                    emergency: boolean;
                                    error: string | null;
                                    /** @description the live version when the change was asked for */
                                    fromVersion: number | null;
                                    id: string;
                                    /** @description aggregates only: approval rates, swap-ins and swap-outs, paths and reasons that change */
                                    impact: {
                                        bureau: {
                                            replayed: number;
                                            unavailable: number;
                                        };
                                        changedOffer: {
                                            count: number;
                                            share: number;
                                        };
                                        changedOutcome: number;
                                        changedReasons: {
                                            count: number;
                                            share: number;
                                            top: {
                                                count: number;
                                                from: string;
                                                to: string;
                                            }[];
                                        };
                                        decisions: number;
                                        draft: {
                                            approvalRate: number;
                                            expectedLoss: number | null;
                                            expectedProfit: number | null;
                                            outcomes: {
                                                approve: number;
                                                decline: number;
                                                refer: number;
                                                review: number;
                                            };
                                        };
                                        /** @description decisions left out because their personal data was erased */
                                        erased: number;
                                        errors: {
                                            draft: {
                                                [key: string]: number;
                                            };
                                            live: {
                                                [key: string]: number;
                                            };
                                        };
                                        live: {
                                            approvalRate: number;
                                            expectedLoss: number | null;
                                            expectedProfit: number | null;
                                            outcomes: {
                                                approve: number;
                                                decline: number;
                                                refer: number;
                                                review: number;
                                            };
                                        };
                                        /** @description draft verdict, then live verdict: how many */
                                        matrix: {
                                            approve: {
                                                approve: number;
                                                decline: number;
                                                refer: number;
                                                review: number;
                                            };
                                            decline: {
                                                approve: number;
                                                decline: number;
                                                refer: number;
                                                review: number;
                                            };
                                            refer: {
                                                approve: number;
                                                decline: number;
                                                refer: number;
                                                review: number;
                                            };
                                            review: {
                                                approve: number;
                                                decline: number;
                                                refer: number;
                                                review: number;
                                            };
                                        };
                                        paths: {
                                            added: {
                                                draft: number;
                                                live: number;
                                                path: string;
                                            }[];
                                            changed: {
                                                draft: number;
                                                live: number;
                                                path: string;
                                            }[];
                                            distinctDraft: number;
                                            distinctLive: number;
                                            removed: {
                                                draft: number;
                                                live: number;
                                                path: string;
                                            }[];
                                        };
                                        seconds: number;
                                        /**
                                         * @description the live version's latest decisions, or applications uploaded with the submission
                                         * @enum {string}
                                         */
                                        source: "decisions" | "sample";
                                        swapIns: {
                                            bad: number;
                                            badRate: number | null;
                                            count: number;
                                            known: number;
                                            share: number;
                                        };
                                        swapOuts: {
                                            bad: number;
                                            badRate: number | null;
                                            count: number;
                                            known: number;
                                            share: number;
                                        };
                                    } | null;
                                    impactDecisions: number;
                                    impactError: string | null;
                                    /** @enum {string} */
                                    impactStatus: "none" | "pending" | "running" | "done" | "failed";
                                    note: string;
                                    publishedAt: string | null;
                                    /** @enum {string} */
                                    status: "submitted" | "approved" | "rejected" | "withdrawn" | "published" | "failed";
                                    subjectId: string;
                                    /**
                                     * @description a flow, or a stored artefact flows name
                                     * @enum {string}
                                     */
                                    subjectType: "flow" | "model" | "dmn_model" | "connector";
                                    submittedAt: string;
                                    submittedBy: string;
                                    version: number;
                                };
                                /** @description the new flow version, on the earlier model */
                                version: number;
                            }[];
                            model: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            versions: {
                                approvedAt: string | null;
                                /** @description who approved the version for use (POST /v1/releases); flows naming it are released only after */
                                approvedBy: string | null;
                                contentHash: string;
                                createdAt: string;
                                createdBy: string;
                                kind: string;
                                modelId: string;
                                /** @description how a flow's score node names this version */
                                reference: string;
                                summary: {
                                    [key: string]: unknown;
                                };
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Upload a model file (from arbiter train or arbiter import) as the next version; the same file again returns its existing version */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description an Arbiter model file */
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approvedAt: string | null;
                            /** @description who approved the version for use (POST /v1/releases); flows naming it are released only after */
                            approvedBy: string | null;
                            contentHash: string;
                            createdAt: string;
                            createdBy: string;
                            kind: string;
                            modelId: string;
                            /** @description how a flow's score node names this version */
                            reference: string;
                            summary: {
                                [key: string]: unknown;
                            };
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approvedAt: string | null;
                            /** @description who approved the version for use (POST /v1/releases); flows naming it are released only after */
                            approvedBy: string | null;
                            contentHash: string;
                            createdAt: string;
                            createdBy: string;
                            kind: string;
                            modelId: string;
                            /** @description how a flow's score node names this version */
                            reference: string;
                            summary: {
                                [key: string]: unknown;
                            };
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version: metrics, features, lineage */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approvedAt: string | null;
                            /** @description who approved the version for use (POST /v1/releases); flows naming it are released only after */
                            approvedBy: string | null;
                            contentHash: string;
                            createdAt: string;
                            createdBy: string;
                            kind: string;
                            modelId: string;
                            /** @description how a flow's score node names this version */
                            reference: string;
                            summary: {
                                [key: string]: unknown;
                            };
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{id}/versions/{version}/card": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The version's model card: a retrained version's is made by its run on the out-of-time applications (performance and stability by month, by segment, fairness on the program's protected attributes); any other's from what is stored (training, features and bins, the holdout's figures, limitations), and `arbiter card` adds months, segments, stability and fairness from data */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "html";
                };
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{id}/versions/{version}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The model file itself, for arbiter score or another environment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{id}/versions/scorecard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refit a scorecard on labelled data with the bins given (as edited from /v1/models/bins) and store it as the next version of the model */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the value of the outcome column for a bad loan */
                        bad: string;
                        /** @description per feature, the bins fixed (cuts for numbers, groups of levels for text) or steered (trend, minBinShare, maxBins, specialValues) */
                        bins?: {
                            [key: string]: {
                                [key: string]: unknown;
                            };
                        };
                        /** @description labelled applications as CSV with a header line */
                        data: string;
                        /** @description the features to bin; every column but the outcome and identifiers by default */
                        features?: string[];
                        /** @description seed of the split; 42 by default */
                        seed?: number;
                        /** @description the outcome column */
                        target: string;
                        /** @description the held-out share for the version's figures; 0.3 by default */
                        testFraction?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approvedAt: string | null;
                            /** @description who approved the version for use (POST /v1/releases); flows naming it are released only after */
                            approvedBy: string | null;
                            contentHash: string;
                            createdAt: string;
                            createdBy: string;
                            kind: string;
                            modelId: string;
                            /** @description how a flow's score node names this version */
                            reference: string;
                            summary: {
                                [key: string]: unknown;
                            };
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approvedAt: string | null;
                            /** @description who approved the version for use (POST /v1/releases); flows naming it are released only after */
                            approvedBy: string | null;
                            contentHash: string;
                            createdAt: string;
                            createdBy: string;
                            kind: string;
                            modelId: string;
                            /** @description how a flow's score node names this version */
                            reference: string;
                            summary: {
                                [key: string]: unknown;
                            };
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/bins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A scorecard's bins for labelled data: per feature the bins (optimal under size and trend unless given), each with its count, bad rate, WoE and IV; stores nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the value of the outcome column for a bad loan */
                        bad: string;
                        /** @description per feature, the bins fixed (cuts for numbers, groups of levels for text) or steered (trend, minBinShare, maxBins, specialValues) */
                        bins?: {
                            [key: string]: {
                                [key: string]: unknown;
                            };
                        };
                        /** @description labelled applications as CSV with a header line */
                        data: string;
                        /** @description the features to bin; every column but the outcome and identifiers by default */
                        features?: string[];
                        /** @description the outcome column */
                        target: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bads: number;
                            features: {
                                [key: string]: {
                                    bins: {
                                        badRate: number;
                                        count: number;
                                        iv: number;
                                        label: string;
                                        woe: number;
                                    }[];
                                    cuts?: number[];
                                    groups?: string[][];
                                    iv: number;
                                    /** @enum {string} */
                                    kind: "numeric" | "categorical";
                                    trend: string;
                                };
                            };
                            rows: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/monitoring": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest monitoring snapshots of a flow, newest first */
        get: {
            parameters: {
                query: {
                    flow: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            snapshots: {
                                asOf: string;
                                snapshot: unknown;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/monitoring/{flowId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Monitor a flow: baseline months, watched features, thresholds, webhook, and the model to retrain on drift */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    flowId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            config: {
                                [key: string]: unknown;
                            };
                            flowId: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/monitoring/{flowId}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Compute the monitoring snapshot now (it also runs daily) and raise its alerts */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    flowId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        asOf?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerts: {
                                acknowledgedAt: string | null;
                                acknowledgedBy: string | null;
                                flowId: string;
                                id: string;
                                kind: string;
                                message: string;
                                metric: string;
                                period: string;
                                raisedAt: string;
                                threshold: number;
                                value: number;
                                webhook: string | null;
                            }[];
                            retrainRun: string | null;
                            snapshot: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/optimizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Optimise a portfolio of scored applications under a strategy (up to 50,000 rows): the best offer or decline per application, binding constraints with shadow prices, per-segment PD cutoffs, and the efficient frontier */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description applications with the columns the strategy's `columns` names (PD, amount, segment...) */
                        csv: string;
                        /**
                         * @description points on the efficient frontier
                         * @default 10
                         */
                        points?: number;
                        /** @description docs/strategy.schema.json */
                        strategy: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/outcomes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record performance events of decided applications: JSON {events: [...]} or JSON lines (application/x-ndjson), all or nothing, idempotent by event id */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        events: {
                            amount?: number | null;
                            /** @description delinquency: days past due at occurredAt */
                            daysPastDue?: number | null;
                            decisionId: string;
                            /** @description the sender's id of the event: sending it again is harmless */
                            eventId: string;
                            /** Format: date-time */
                            occurredAt: string;
                            /** @enum {string} */
                            type: "disbursement" | "payment" | "delinquency" | "default" | "charge_off" | "recovery";
                        }[];
                    } | {
                        lines: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted: number;
                            duplicates: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The names and roles of the keys with these ids: who drafted, published, reviewed or acted, shown by name */
        get: {
            parameters: {
                query: {
                    /** @description key ids, comma-separated (at most 100); ids that are no key (system:demo, cli) are left out */
                    ids: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            people: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "risk-manager" | "analyst" | "reviewer" | "auditor" | "service";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every action of the API, as a permission, with the roles that have it by default */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            permissions: {
                                defaultRoles: ("admin" | "risk-manager" | "analyst" | "reviewer" | "auditor" | "service")[];
                                id: string;
                                summary: string | null;
                                tag: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/releases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Release requests, newest first */
        get: {
            parameters: {
                query?: {
                    flow?: string;
                    limit?: number;
                    status?: "submitted" | "approved" | "rejected" | "withdrawn" | "published" | "failed";
                    /** @description only emergency rollbacks nobody has confirmed */
                    unconfirmed?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            releases: {
                                /**
                                 * @description approve: a stored artefact approved for use
                                 * @enum {string}
                                 */
                                action: "publish" | "rollback" | "approve";
                                /** @description artefact versions this release approves for use with its flow (a retraining run submits its model version so) */
                                alsoApproves: {
                                    id: string;
                                    /** @enum {string} */
                                    kind: "model" | "dmn_model" | "connector";
                                    version: number;
                                }[];
                                /** @description who created or edited the version: none of them may approve it */
                                authors: string[];
                                comment: string | null;
                                confirmedAt: string | null;
                                confirmedBy: string | null;
                                contentHash: string;
                                decidedAt: string | null;
                                decidedBy: string | null;
                                effectiveAt: string | null;
                                emergency: boolean;
                                error: string | null;
                                /** @description the live version when the change was asked for */
                                fromVersion: number | null;
                                id: string;
                                /** @description aggregates only: approval rates, swap-ins and swap-outs, paths and reasons that change */
                                impact: {
                                    bureau: {
                                        replayed: number;
                                        unavailable: number;
                                    };
                                    changedOffer: {
                                        count: number;
                                        share: number;
                                    };
                                    changedOutcome: number;
                                    changedReasons: {
                                        count: number;
                                        share: number;
                                        top: {
                                            count: number;
                                            from: string;
                                            to: string;
                                        }[];
                                    };
                                    decisions: number;
                                    draft: {
                                        approvalRate: number;
                                        expectedLoss: number | null;
                                        expectedProfit: number | null;
                                        outcomes: {
                                            approve: number;
                                            decline: number;
                                            refer: number;
                                            review: number;
                                        };
                                    };
                                    /** @description decisions left out because their personal data was erased */
                                    erased: number;
                                    errors: {
                                        draft: {
                                            [key: string]: number;
                                        };
                                        live: {
                                            [key: string]: number;
                                        };
                                    };
                                    live: {
                                        approvalRate: number;
                                        expectedLoss: number | null;
                                        expectedProfit: number | null;
                                        outcomes: {
                                            approve: number;
                                            decline: number;
                                            refer: number;
                                            review: number;
                                        };
                                    };
                                    /** @description draft verdict, then live verdict: how many */
                                    matrix: {
                                        approve: {
                                            approve: number;
                                            decline: number;
                                            refer: number;
                                            review: number;
                                        };
                                        decline: {
                                            approve: number;
                                            decline: number;
                                            refer: number;
                                            review: number;
                                        };
                                        refer: {
                                            approve: number;
                                            decline: number;
                                            refer: number;
                                            review: number;
                                        };
                                        review: {
                                            approve: number;
                                            decline: number;
                                            refer: number;
                                            review: number;
                                        };
                                    };
                                    paths: {
                                        added: {
                                            draft: number;
                                            live: number;
                                            path: string;
                                        }[];
                                        changed: {
                                            draft: number;
                                            live: number;
                                            path: string;
                                        }[];
                                        distinctDraft: number;
                                        distinctLive: number;
                                        removed: {
                                            draft: number;
                                            live: number;
                                            path: string;
                                        }[];
                                    };
                                    seconds: number;
                                    /**
                                     * @description the live version's latest decisions, or applications uploaded with the submission
                                     * @enum {string}
                                     */
                                    source: "decisions" | "sample";
                                    swapIns: {
                                        bad: number;
                                        badRate: number | null;
                                        count: number;
                                        known: number;
                                        share: number;
                                    };
                                    swapOuts: {
                                        bad: number;
                                        badRate: number | null;
                                        count: number;
                                        known: number;
                                        share: number;
                                    };
                                } | null;
                                impactDecisions: number;
                                impactError: string | null;
                                /** @enum {string} */
                                impactStatus: "none" | "pending" | "running" | "done" | "failed";
                                note: string;
                                publishedAt: string | null;
                                /** @enum {string} */
                                status: "submitted" | "approved" | "rejected" | "withdrawn" | "published" | "failed";
                                subjectId: string;
                                /**
                                 * @description a flow, or a stored artefact flows name
                                 * @enum {string}
                                 */
                                subjectType: "flow" | "model" | "dmn_model" | "connector";
                                submittedAt: string;
                                submittedBy: string;
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Submit a stored model, DMN model or connector version for approval for use: a flow naming it is released only once it is approved */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "model" | "dmn_model" | "connector";
                        note: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description approve: a stored artefact approved for use
                             * @enum {string}
                             */
                            action: "publish" | "rollback" | "approve";
                            /** @description artefact versions this release approves for use with its flow (a retraining run submits its model version so) */
                            alsoApproves: {
                                id: string;
                                /** @enum {string} */
                                kind: "model" | "dmn_model" | "connector";
                                version: number;
                            }[];
                            /** @description who created or edited the version: none of them may approve it */
                            authors: string[];
                            comment: string | null;
                            confirmedAt: string | null;
                            confirmedBy: string | null;
                            contentHash: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            effectiveAt: string | null;
                            emergency: boolean;
                            error: string | null;
                            /** @description the live version when the change was asked for */
                            fromVersion: number | null;
                            id: string;
                            /** @description aggregates only: approval rates, swap-ins and swap-outs, paths and reasons that change */
                            impact: {
                                bureau: {
                                    replayed: number;
                                    unavailable: number;
                                };
                                changedOffer: {
                                    count: number;
                                    share: number;
                                };
                                changedOutcome: number;
                                changedReasons: {
                                    count: number;
                                    share: number;
                                    top: {
                                        count: number;
                                        from: string;
                                        to: string;
                                    }[];
                                };
                                decisions: number;
                                draft: {
                                    approvalRate: number;
                                    expectedLoss: number | null;
                                    expectedProfit: number | null;
                                    outcomes: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                /** @description decisions left out because their personal data was erased */
                                erased: number;
                                errors: {
                                    draft: {
                                        [key: string]: number;
                                    };
                                    live: {
                                        [key: string]: number;
                                    };
                                };
                                live: {
                                    approvalRate: number;
                                    expectedLoss: number | null;
                                    expectedProfit: number | null;
                                    outcomes: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                /** @description draft verdict, then live verdict: how many */
                                matrix: {
                                    approve: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    decline: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    refer: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    review: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                paths: {
                                    added: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                    changed: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                    distinctDraft: number;
                                    distinctLive: number;
                                    removed: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                };
                                seconds: number;
                                /**
                                 * @description the live version's latest decisions, or applications uploaded with the submission
                                 * @enum {string}
                                 */
                                source: "decisions" | "sample";
                                swapIns: {
                                    bad: number;
                                    badRate: number | null;
                                    count: number;
                                    known: number;
                                    share: number;
                                };
                                swapOuts: {
                                    bad: number;
                                    badRate: number | null;
                                    count: number;
                                    known: number;
                                    share: number;
                                };
                            } | null;
                            impactDecisions: number;
                            impactError: string | null;
                            /** @enum {string} */
                            impactStatus: "none" | "pending" | "running" | "done" | "failed";
                            note: string;
                            publishedAt: string | null;
                            /** @enum {string} */
                            status: "submitted" | "approved" | "rejected" | "withdrawn" | "published" | "failed";
                            subjectId: string;
                            /**
                             * @description a flow, or a stored artefact flows name
                             * @enum {string}
                             */
                            subjectType: "flow" | "model" | "dmn_model" | "connector";
                            submittedAt: string;
                            submittedBy: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/releases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description approve: a stored artefact approved for use
                             * @enum {string}
                             */
                            action: "publish" | "rollback" | "approve";
                            /** @description artefact versions this release approves for use with its flow (a retraining run submits its model version so) */
                            alsoApproves: {
                                id: string;
                                /** @enum {string} */
                                kind: "model" | "dmn_model" | "connector";
                                version: number;
                            }[];
                            /** @description who created or edited the version: none of them may approve it */
                            authors: string[];
                            comment: string | null;
                            confirmedAt: string | null;
                            confirmedBy: string | null;
                            contentHash: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            effectiveAt: string | null;
                            emergency: boolean;
                            error: string | null;
                            /** @description the live version when the change was asked for */
                            fromVersion: number | null;
                            id: string;
                            /** @description aggregates only: approval rates, swap-ins and swap-outs, paths and reasons that change */
                            impact: {
                                bureau: {
                                    replayed: number;
                                    unavailable: number;
                                };
                                changedOffer: {
                                    count: number;
                                    share: number;
                                };
                                changedOutcome: number;
                                changedReasons: {
                                    count: number;
                                    share: number;
                                    top: {
                                        count: number;
                                        from: string;
                                        to: string;
                                    }[];
                                };
                                decisions: number;
                                draft: {
                                    approvalRate: number;
                                    expectedLoss: number | null;
                                    expectedProfit: number | null;
                                    outcomes: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                /** @description decisions left out because their personal data was erased */
                                erased: number;
                                errors: {
                                    draft: {
                                        [key: string]: number;
                                    };
                                    live: {
                                        [key: string]: number;
                                    };
                                };
                                live: {
                                    approvalRate: number;
                                    expectedLoss: number | null;
                                    expectedProfit: number | null;
                                    outcomes: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                /** @description draft verdict, then live verdict: how many */
                                matrix: {
                                    approve: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    decline: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    refer: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    review: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                paths: {
                                    added: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                    changed: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                    distinctDraft: number;
                                    distinctLive: number;
                                    removed: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                };
                                seconds: number;
                                /**
                                 * @description the live version's latest decisions, or applications uploaded with the submission
                                 * @enum {string}
                                 */
                                source: "decisions" | "sample";
                                swapIns: {
                                    bad: number;
                                    badRate: number | null;
                                    count: number;
                                    known: number;
                                    share: number;
                                };
                                swapOuts: {
                                    bad: number;
                                    badRate: number | null;
                                    count: number;
                                    known: number;
                                    share: number;
                                };
                            } | null;
                            impactDecisions: number;
                            impactError: string | null;
                            /** @enum {string} */
                            impactStatus: "none" | "pending" | "running" | "done" | "failed";
                            note: string;
                            publishedAt: string | null;
                            /** @enum {string} */
                            status: "submitted" | "approved" | "rejected" | "withdrawn" | "published" | "failed";
                            subjectId: string;
                            /**
                             * @description a flow, or a stored artefact flows name
                             * @enum {string}
                             */
                            subjectType: "flow" | "model" | "dmn_model" | "connector";
                            submittedAt: string;
                            submittedBy: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/releases/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a request (not your own): it goes live at once, or at effectiveAt */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                        /** Format: date-time */
                        effectiveAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description approve: a stored artefact approved for use
                             * @enum {string}
                             */
                            action: "publish" | "rollback" | "approve";
                            /** @description artefact versions this release approves for use with its flow (a retraining run submits its model version so) */
                            alsoApproves: {
                                id: string;
                                /** @enum {string} */
                                kind: "model" | "dmn_model" | "connector";
                                version: number;
                            }[];
                            /** @description who created or edited the version: none of them may approve it */
                            authors: string[];
                            comment: string | null;
                            confirmedAt: string | null;
                            confirmedBy: string | null;
                            contentHash: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            effectiveAt: string | null;
                            emergency: boolean;
                            error: string | null;
                            /** @description the live version when the change was asked for */
                            fromVersion: number | null;
                            id: string;
                            /** @description aggregates only: approval rates, swap-ins and swap-outs, paths and reasons that change */
                            impact: {
                                bureau: {
                                    replayed: number;
                                    unavailable: number;
                                };
                                changedOffer: {
                                    count: number;
                                    share: number;
                                };
                                changedOutcome: number;
                                changedReasons: {
                                    count: number;
                                    share: number;
                                    top: {
                                        count: number;
                                        from: string;
                                        to: string;
                                    }[];
                                };
                                decisions: number;
                                draft: {
                                    approvalRate: number;
                                    expectedLoss: number | null;
                                    expectedProfit: number | null;
                                    outcomes: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                /** @description decisions left out because their personal data was erased */
                                erased: number;
                                errors: {
                                    draft: {
                                        [key: string]: number;
                                    };
                                    live: {
                                        [key: string]: number;
                                    };
                                };
                                live: {
                                    approvalRate: number;
                                    expectedLoss: number | null;
                                    expectedProfit: number | null;
                                    outcomes: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                /** @description draft verdict, then live verdict: how many */
                                matrix: {
                                    approve: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    decline: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    refer: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    review: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                paths: {
                                    added: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                    changed: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                    distinctDraft: number;
                                    distinctLive: number;
                                    removed: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                };
                                seconds: number;
                                /**
                                 * @description the live version's latest decisions, or applications uploaded with the submission
                                 * @enum {string}
                                 */
                                source: "decisions" | "sample";
                                swapIns: {
                                    bad: number;
                                    badRate: number | null;
                                    count: number;
                                    known: number;
                                    share: number;
                                };
                                swapOuts: {
                                    bad: number;
                                    badRate: number | null;
                                    count: number;
                                    known: number;
                                    share: number;
                                };
                            } | null;
                            impactDecisions: number;
                            impactError: string | null;
                            /** @enum {string} */
                            impactStatus: "none" | "pending" | "running" | "done" | "failed";
                            note: string;
                            publishedAt: string | null;
                            /** @enum {string} */
                            status: "submitted" | "approved" | "rejected" | "withdrawn" | "published" | "failed";
                            subjectId: string;
                            /**
                             * @description a flow, or a stored artefact flows name
                             * @enum {string}
                             */
                            subjectType: "flow" | "model" | "dmn_model" | "connector";
                            submittedAt: string;
                            submittedBy: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/releases/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm another person's emergency rollback */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description approve: a stored artefact approved for use
                             * @enum {string}
                             */
                            action: "publish" | "rollback" | "approve";
                            /** @description artefact versions this release approves for use with its flow (a retraining run submits its model version so) */
                            alsoApproves: {
                                id: string;
                                /** @enum {string} */
                                kind: "model" | "dmn_model" | "connector";
                                version: number;
                            }[];
                            /** @description who created or edited the version: none of them may approve it */
                            authors: string[];
                            comment: string | null;
                            confirmedAt: string | null;
                            confirmedBy: string | null;
                            contentHash: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            effectiveAt: string | null;
                            emergency: boolean;
                            error: string | null;
                            /** @description the live version when the change was asked for */
                            fromVersion: number | null;
                            id: string;
                            /** @description aggregates only: approval rates, swap-ins and swap-outs, paths and reasons that change */
                            impact: {
                                bureau: {
                                    replayed: number;
                                    unavailable: number;
                                };
                                changedOffer: {
                                    count: number;
                                    share: number;
                                };
                                changedOutcome: number;
                                changedReasons: {
                                    count: number;
                                    share: number;
                                    top: {
                                        count: number;
                                        from: string;
                                        to: string;
                                    }[];
                                };
                                decisions: number;
                                draft: {
                                    approvalRate: number;
                                    expectedLoss: number | null;
                                    expectedProfit: number | null;
                                    outcomes: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                /** @description decisions left out because their personal data was erased */
                                erased: number;
                                errors: {
                                    draft: {
                                        [key: string]: number;
                                    };
                                    live: {
                                        [key: string]: number;
                                    };
                                };
                                live: {
                                    approvalRate: number;
                                    expectedLoss: number | null;
                                    expectedProfit: number | null;
                                    outcomes: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                /** @description draft verdict, then live verdict: how many */
                                matrix: {
                                    approve: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    decline: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    refer: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    review: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                paths: {
                                    added: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                    changed: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                    distinctDraft: number;
                                    distinctLive: number;
                                    removed: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                };
                                seconds: number;
                                /**
                                 * @description the live version's latest decisions, or applications uploaded with the submission
                                 * @enum {string}
                                 */
                                source: "decisions" | "sample";
                                swapIns: {
                                    bad: number;
                                    badRate: number | null;
                                    count: number;
                                    known: number;
                                    share: number;
                                };
                                swapOuts: {
                                    bad: number;
                                    badRate: number | null;
                                    count: number;
                                    known: number;
                                    share: number;
                                };
                            } | null;
                            impactDecisions: number;
                            impactError: string | null;
                            /** @enum {string} */
                            impactStatus: "none" | "pending" | "running" | "done" | "failed";
                            note: string;
                            publishedAt: string | null;
                            /** @enum {string} */
                            status: "submitted" | "approved" | "rejected" | "withdrawn" | "published" | "failed";
                            subjectId: string;
                            /**
                             * @description a flow, or a stored artefact flows name
                             * @enum {string}
                             */
                            subjectType: "flow" | "model" | "dmn_model" | "connector";
                            submittedAt: string;
                            submittedBy: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/releases/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a request (not your own) with a comment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description approve: a stored artefact approved for use
                             * @enum {string}
                             */
                            action: "publish" | "rollback" | "approve";
                            /** @description artefact versions this release approves for use with its flow (a retraining run submits its model version so) */
                            alsoApproves: {
                                id: string;
                                /** @enum {string} */
                                kind: "model" | "dmn_model" | "connector";
                                version: number;
                            }[];
                            /** @description who created or edited the version: none of them may approve it */
                            authors: string[];
                            comment: string | null;
                            confirmedAt: string | null;
                            confirmedBy: string | null;
                            contentHash: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            effectiveAt: string | null;
                            emergency: boolean;
                            error: string | null;
                            /** @description the live version when the change was asked for */
                            fromVersion: number | null;
                            id: string;
                            /** @description aggregates only: approval rates, swap-ins and swap-outs, paths and reasons that change */
                            impact: {
                                bureau: {
                                    replayed: number;
                                    unavailable: number;
                                };
                                changedOffer: {
                                    count: number;
                                    share: number;
                                };
                                changedOutcome: number;
                                changedReasons: {
                                    count: number;
                                    share: number;
                                    top: {
                                        count: number;
                                        from: string;
                                        to: string;
                                    }[];
                                };
                                decisions: number;
                                draft: {
                                    approvalRate: number;
                                    expectedLoss: number | null;
                                    expectedProfit: number | null;
                                    outcomes: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                /** @description decisions left out because their personal data was erased */
                                erased: number;
                                errors: {
                                    draft: {
                                        [key: string]: number;
                                    };
                                    live: {
                                        [key: string]: number;
                                    };
                                };
                                live: {
                                    approvalRate: number;
                                    expectedLoss: number | null;
                                    expectedProfit: number | null;
                                    outcomes: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                /** @description draft verdict, then live verdict: how many */
                                matrix: {
                                    approve: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    decline: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    refer: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    review: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                paths: {
                                    added: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                    changed: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                    distinctDraft: number;
                                    distinctLive: number;
                                    removed: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                };
                                seconds: number;
                                /**
                                 * @description the live version's latest decisions, or applications uploaded with the submission
                                 * @enum {string}
                                 */
                                source: "decisions" | "sample";
                                swapIns: {
                                    bad: number;
                                    badRate: number | null;
                                    count: number;
                                    known: number;
                                    share: number;
                                };
                                swapOuts: {
                                    bad: number;
                                    badRate: number | null;
                                    count: number;
                                    known: number;
                                    share: number;
                                };
                            } | null;
                            impactDecisions: number;
                            impactError: string | null;
                            /** @enum {string} */
                            impactStatus: "none" | "pending" | "running" | "done" | "failed";
                            note: string;
                            publishedAt: string | null;
                            /** @enum {string} */
                            status: "submitted" | "approved" | "rejected" | "withdrawn" | "published" | "failed";
                            subjectId: string;
                            /**
                             * @description a flow, or a stored artefact flows name
                             * @enum {string}
                             */
                            subjectType: "flow" | "model" | "dmn_model" | "connector";
                            submittedAt: string;
                            submittedBy: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/releases/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw your own request */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description approve: a stored artefact approved for use
                             * @enum {string}
                             */
                            action: "publish" | "rollback" | "approve";
                            /** @description artefact versions this release approves for use with its flow (a retraining run submits its model version so) */
                            alsoApproves: {
                                id: string;
                                /** @enum {string} */
                                kind: "model" | "dmn_model" | "connector";
                                version: number;
                            }[];
                            /** @description who created or edited the version: none of them may approve it */
                            authors: string[];
                            comment: string | null;
                            confirmedAt: string | null;
                            confirmedBy: string | null;
                            contentHash: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            effectiveAt: string | null;
                            emergency: boolean;
                            error: string | null;
                            /** @description the live version when the change was asked for */
                            fromVersion: number | null;
                            id: string;
                            /** @description aggregates only: approval rates, swap-ins and swap-outs, paths and reasons that change */
                            impact: {
                                bureau: {
                                    replayed: number;
                                    unavailable: number;
                                };
                                changedOffer: {
                                    count: number;
                                    share: number;
                                };
                                changedOutcome: number;
                                changedReasons: {
                                    count: number;
                                    share: number;
                                    top: {
                                        count: number;
                                        from: string;
                                        to: string;
                                    }[];
                                };
                                decisions: number;
                                draft: {
                                    approvalRate: number;
                                    expectedLoss: number | null;
                                    expectedProfit: number | null;
                                    outcomes: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                /** @description decisions left out because their personal data was erased */
                                erased: number;
                                errors: {
                                    draft: {
                                        [key: string]: number;
                                    };
                                    live: {
                                        [key: string]: number;
                                    };
                                };
                                live: {
                                    approvalRate: number;
                                    expectedLoss: number | null;
                                    expectedProfit: number | null;
                                    outcomes: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                /** @description draft verdict, then live verdict: how many */
                                matrix: {
                                    approve: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    decline: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    refer: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                    review: {
                                        approve: number;
                                        decline: number;
                                        refer: number;
                                        review: number;
                                    };
                                };
                                paths: {
                                    added: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                    changed: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                    distinctDraft: number;
                                    distinctLive: number;
                                    removed: {
                                        draft: number;
                                        live: number;
                                        path: string;
                                    }[];
                                };
                                seconds: number;
                                /**
                                 * @description the live version's latest decisions, or applications uploaded with the submission
                                 * @enum {string}
                                 */
                                source: "decisions" | "sample";
                                swapIns: {
                                    bad: number;
                                    badRate: number | null;
                                    count: number;
                                    known: number;
                                    share: number;
                                };
                                swapOuts: {
                                    bad: number;
                                    badRate: number | null;
                                    count: number;
                                    known: number;
                                    share: number;
                                };
                            } | null;
                            impactDecisions: number;
                            impactError: string | null;
                            /** @enum {string} */
                            impactStatus: "none" | "pending" | "running" | "done" | "failed";
                            note: string;
                            publishedAt: string | null;
                            /** @enum {string} */
                            status: "submitted" | "approved" | "rejected" | "withdrawn" | "published" | "failed";
                            subjectId: string;
                            /**
                             * @description a flow, or a stored artefact flows name
                             * @enum {string}
                             */
                            subjectType: "flow" | "model" | "dmn_model" | "connector";
                            submittedAt: string;
                            submittedBy: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The review queue, oldest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    queue?: string;
                    status?: "pending" | "decided";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reviews: {
                                claimedAt: string | null;
                                /** @description the key that has taken the case; nobody else may decide it until the claim lapses */
                                claimedBy: string | null;
                                createdAt: string;
                                decidedAt: string | null;
                                decisionId: string;
                                id: string;
                                nodeId: string;
                                note: string | null;
                                queue: string;
                                reason: string;
                                reviewer: string | null;
                                /** @enum {string} */
                                status: "pending" | "decided";
                                /** @enum {string|null} */
                                verdict: "approve" | "decline" | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A review with the decision it holds up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            decision: {
                                application?: {
                                    [key: string]: unknown;
                                } | null;
                                automatedOutcome: string | null;
                                completedAt: string | null;
                                createdAt: string;
                                droppedFields?: string[];
                                durationMs: number;
                                flow: {
                                    id: string;
                                    version: number;
                                };
                                id: string;
                                offer: {
                                    [key: string]: unknown;
                                } | null;
                                outcome: string | null;
                                override: {
                                    at: string;
                                    note: string;
                                    outcome: string;
                                    reviewer: string;
                                } | null;
                                path: string[];
                                pendingReviewId: string | null;
                                personalDataErased?: boolean;
                                reasons: {
                                    code: string;
                                    /** @description for a model's reason: the feature */
                                    feature?: string;
                                    /** @description how much it raised the risk (log-odds for trees, points lost for scorecards) */
                                    impact?: number;
                                    node?: string;
                                    /** @enum {string} */
                                    severity?: "knockout" | "refer" | "warning";
                                    text: string;
                                    /** @description the text in other languages, by locale (en, zh-CN), where the flow gives them */
                                    texts?: {
                                        [key: string]: string;
                                    };
                                }[];
                                /** @enum {string} */
                                status: "completed" | "pending_review";
                                trace?: {
                                    branch?: string;
                                    error?: {
                                        code: string;
                                        message: string;
                                    };
                                    kind: string;
                                    ms: number;
                                    node: string;
                                    /** @description variables the node read, with their values (personal data masked for the caller) */
                                    read: {
                                        [key: string]: unknown;
                                    };
                                    warnings?: {
                                        code?: string;
                                        message: string;
                                    }[];
                                    wrote: {
                                        [key: string]: unknown;
                                    };
                                }[] | null;
                                /** @description the OpenTelemetry trace the decision was made in; null when tracing is off */
                                traceId: string | null;
                                versions?: unknown;
                            };
                            review: {
                                claimedAt: string | null;
                                /** @description the key that has taken the case; nobody else may decide it until the claim lapses */
                                claimedBy: string | null;
                                createdAt: string;
                                decidedAt: string | null;
                                decisionId: string;
                                id: string;
                                nodeId: string;
                                note: string | null;
                                queue: string;
                                reason: string;
                                reviewer: string | null;
                                /** @enum {string} */
                                status: "pending" | "decided";
                                /** @enum {string|null} */
                                verdict: "approve" | "decline" | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Give a review's verdict; the decision resumes after the review node */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                        /** @enum {string} */
                        verdict: "approve" | "decline";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            decision: {
                                application?: {
                                    [key: string]: unknown;
                                } | null;
                                automatedOutcome: string | null;
                                completedAt: string | null;
                                createdAt: string;
                                droppedFields?: string[];
                                durationMs: number;
                                flow: {
                                    id: string;
                                    version: number;
                                };
                                id: string;
                                offer: {
                                    [key: string]: unknown;
                                } | null;
                                outcome: string | null;
                                override: {
                                    at: string;
                                    note: string;
                                    outcome: string;
                                    reviewer: string;
                                } | null;
                                path: string[];
                                pendingReviewId: string | null;
                                personalDataErased?: boolean;
                                reasons: {
                                    code: string;
                                    /** @description for a model's reason: the feature */
                                    feature?: string;
                                    /** @description how much it raised the risk (log-odds for trees, points lost for scorecards) */
                                    impact?: number;
                                    node?: string;
                                    /** @enum {string} */
                                    severity?: "knockout" | "refer" | "warning";
                                    text: string;
                                    /** @description the text in other languages, by locale (en, zh-CN), where the flow gives them */
                                    texts?: {
                                        [key: string]: string;
                                    };
                                }[];
                                /** @enum {string} */
                                status: "completed" | "pending_review";
                                trace?: {
                                    branch?: string;
                                    error?: {
                                        code: string;
                                        message: string;
                                    };
                                    kind: string;
                                    ms: number;
                                    node: string;
                                    /** @description variables the node read, with their values (personal data masked for the caller) */
                                    read: {
                                        [key: string]: unknown;
                                    };
                                    warnings?: {
                                        code?: string;
                                        message: string;
                                    }[];
                                    wrote: {
                                        [key: string]: unknown;
                                    };
                                }[] | null;
                                /** @description the OpenTelemetry trace the decision was made in; null when tracing is off */
                                traceId: string | null;
                                versions?: unknown;
                            };
                            review: {
                                claimedAt: string | null;
                                /** @description the key that has taken the case; nobody else may decide it until the claim lapses */
                                claimedBy: string | null;
                                createdAt: string;
                                decidedAt: string | null;
                                decisionId: string;
                                id: string;
                                nodeId: string;
                                note: string | null;
                                queue: string;
                                reason: string;
                                reviewer: string | null;
                                /** @enum {string} */
                                status: "pending" | "decided";
                                /** @enum {string|null} */
                                verdict: "approve" | "decline" | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a case: nobody else may decide it for 30 minutes (taking it again renews the claim) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            review: {
                                claimedAt: string | null;
                                /** @description the key that has taken the case; nobody else may decide it until the claim lapses */
                                claimedBy: string | null;
                                createdAt: string;
                                decidedAt: string | null;
                                decisionId: string;
                                id: string;
                                nodeId: string;
                                note: string | null;
                                queue: string;
                                reason: string;
                                reviewer: string | null;
                                /** @enum {string} */
                                status: "pending" | "decided";
                                /** @enum {string|null} */
                                verdict: "approve" | "decline" | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each role's permissions: its routes' defaults, or as an admin set them */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            roles: {
                                edited: boolean;
                                permissions: string[];
                                /** @enum {string} */
                                role: "admin" | "risk-manager" | "analyst" | "reviewer" | "auditor" | "service";
                                updatedAt: string | null;
                                updatedBy: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roles/{role}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a role's permissions; where another admin exists, a second admin approves it first (202 with the change) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    role: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        permissions: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            applied: true;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            applied: false;
                            change: {
                                comment: string | null;
                                decidedAt: string | null;
                                decidedBy: string | null;
                                id: string;
                                /** @enum {string} */
                                kind: "admin_key" | "role";
                                payload: unknown;
                                requestedAt: string;
                                requestedBy: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected";
                                /** @description the key id (admin_key) or the role (role) */
                                subject: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tables/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a decision table: each cell's FEEL, then (when every cell compiles) the inputs no rule matches (gaps) and the rules that match the same input (overlaps) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        table: {
                            /** @enum {string} */
                            aggregation?: "SUM" | "MIN" | "MAX" | "COUNT";
                            /** @enum {string} */
                            hitPolicy?: "UNIQUE" | "ANY" | "PRIORITY" | "FIRST" | "RULE ORDER" | "OUTPUT ORDER" | "COLLECT";
                            inputs: {
                                expression: string;
                                inputValues?: string;
                                label?: string;
                                /**
                                 * @description the type every value of the column must have (DMN typeRef)
                                 * @enum {string}
                                 */
                                typeRef?: "number" | "string" | "boolean" | "date" | "time" | "date and time" | "days and time duration" | "years and months duration" | "list" | "context" | "Any";
                            }[];
                            outputs: {
                                defaultOutput?: string;
                                name: string;
                                outputValues?: string;
                                /**
                                 * @description the type every value of the column must have (DMN typeRef)
                                 * @enum {string}
                                 */
                                typeRef?: "number" | "string" | "boolean" | "date" | "time" | "date and time" | "days and time duration" | "years and months duration" | "list" | "context" | "Any";
                            }[];
                            rules: {
                                annotation?: string;
                                id?: string;
                                inputEntries: string[];
                                outputEntries: string[];
                            }[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cells: {
                                /** @description 1-based, inputs then outputs */
                                column: number;
                                message: string;
                                /** @enum {string} */
                                part: "input" | "output";
                                /** @description 1-based */
                                rule: number;
                            }[];
                            gaps: {
                                example: unknown[];
                            }[];
                            ok: boolean;
                            overlaps: {
                                example: unknown[];
                                rules: (number)[];
                            }[];
                            /** @description a problem with the table as a whole */
                            table: string | null;
                            truncated: boolean;
                            unanalysedColumns: number[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tables/from-xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The decision table in a workbook's first sheet, laid out as /v1/tables/xlsx writes it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the XLSX file, base64 */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            table: {
                                /** @enum {string} */
                                aggregation?: "SUM" | "MIN" | "MAX" | "COUNT";
                                /** @enum {string} */
                                hitPolicy?: "UNIQUE" | "ANY" | "PRIORITY" | "FIRST" | "RULE ORDER" | "OUTPUT ORDER" | "COLLECT";
                                inputs: {
                                    expression: string;
                                    inputValues?: string;
                                    label?: string;
                                    /**
                                     * @description the type every value of the column must have (DMN typeRef)
                                     * @enum {string}
                                     */
                                    typeRef?: "number" | "string" | "boolean" | "date" | "time" | "date and time" | "days and time duration" | "years and months duration" | "list" | "context" | "Any";
                                }[];
                                outputs: {
                                    defaultOutput?: string;
                                    name: string;
                                    outputValues?: string;
                                    /**
                                     * @description the type every value of the column must have (DMN typeRef)
                                     * @enum {string}
                                     */
                                    typeRef?: "number" | "string" | "boolean" | "date" | "time" | "date and time" | "days and time duration" | "years and months duration" | "list" | "context" | "Any";
                                }[];
                                rules: {
                                    annotation?: string;
                                    id?: string;
                                    inputEntries: string[];
                                    outputEntries: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tables/xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A decision table as an XLSX workbook */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        table: {
                            /** @enum {string} */
                            aggregation?: "SUM" | "MIN" | "MAX" | "COUNT";
                            /** @enum {string} */
                            hitPolicy?: "UNIQUE" | "ANY" | "PRIORITY" | "FIRST" | "RULE ORDER" | "OUTPUT ORDER" | "COLLECT";
                            inputs: {
                                expression: string;
                                inputValues?: string;
                                label?: string;
                                /**
                                 * @description the type every value of the column must have (DMN typeRef)
                                 * @enum {string}
                                 */
                                typeRef?: "number" | "string" | "boolean" | "date" | "time" | "date and time" | "days and time duration" | "years and months duration" | "list" | "context" | "Any";
                            }[];
                            outputs: {
                                defaultOutput?: string;
                                name: string;
                                outputValues?: string;
                                /**
                                 * @description the type every value of the column must have (DMN typeRef)
                                 * @enum {string}
                                 */
                                typeRef?: "number" | "string" | "boolean" | "date" | "time" | "date and time" | "days and time duration" | "years and months duration" | "list" | "context" | "Any";
                            }[];
                            rules: {
                                annotation?: string;
                                id?: string;
                                inputEntries: string[];
                                outputEntries: string[];
                            }[];
                        };
                    };
                };
            };
            responses: {
                /** @description application/vnd.openxmlformats-officedocument.spreadsheetml.sheet */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People who have signed in through single sign-on, with the roles their groups give */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                createdAt: string;
                                email: string | null;
                                id: string;
                                issuer: string;
                                lastSignInAt: string | null;
                                name: string;
                                roles: ("admin" | "risk-manager" | "analyst" | "reviewer" | "auditor" | "service")[];
                                subject: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
