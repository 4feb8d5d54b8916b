export * from './s3-storage.js';
export * from './image-resizer.js';
