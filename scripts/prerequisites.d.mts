export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_MISSING_MESSAGE: string;
export declare const POSTGRES_MISSING_MESSAGE: string;
export declare function findPostgresBinDir(env?: NodeJS.ProcessEnv): string | null;
export declare function chromiumInstalled(): boolean;
export declare function missingPrerequisites(env?: NodeJS.ProcessEnv): string[];
