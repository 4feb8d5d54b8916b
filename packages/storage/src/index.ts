export * from './s3-storage.js';
export * from './image-processor.js';
